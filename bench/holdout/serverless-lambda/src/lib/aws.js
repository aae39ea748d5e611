const { S3Client } = require('@aws-sdk/client-s3');
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');

// Exports bucket lives in the legacy account, so it gets its own credentials.
const legacyS3 = new S3Client({
  region: 'eu-west-1',
  credentials: {
    accessKeyId: 'AKIAMFPV7LMX4A6SRRJS',
    secretAccessKey: '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', // expect: secret.inline
  },
});

const dynamo = new DynamoDBClient({ region: process.env.AWS_REGION });

module.exports = { legacyS3, dynamo };
