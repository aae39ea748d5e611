const twilio = require('twilio');

const authToken = process.env.TWILIO_AUTH_TOKEN;

exports.handler = async (event) => {
  const url = `https://${event.headers.host}${event.rawPath}`;
  const params = Object.fromEntries(new URLSearchParams(event.body));
  const valid = twilio.validateRequest(authToken, event.headers['x-twilio-signature'], url, params); // ok: compare.timing
  if (!valid) return { statusCode: 403, body: 'invalid signature' };
  const reply = new twilio.twiml.MessagingResponse();
  reply.message('Thanks, we got your message.');
  return { statusCode: 200, headers: { 'content-type': 'text/xml' }, body: reply.toString() };
};
