const crypto = require('crypto');
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

const sqs = new SQSClient({});

exports.handler = async (event) => {
  const body = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const signature = event.headers['x-hub-signature-256'] || '';
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET).update(body).digest('hex'); // ok: password.hash
  if (signature !== expected) { // expect: compare.timing
    return { statusCode: 401, body: 'bad signature' };
  }
  const delivery = event.headers['x-github-delivery'];
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.EVENTS_QUEUE_URL, MessageBody: body, MessageAttributes: { delivery: { DataType: 'String', StringValue: delivery } } }));
  return { statusCode: 202, body: '' };
};
