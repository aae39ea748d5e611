import convict from 'convict';
import { url, email } from 'convict-format-with-validator';

convict.addFormats({ url, email });

const config = convict({
  env: {
    doc: 'Deployment environment',
    format: ['development', 'staging', 'production', 'test'],
    default: 'development',
    env: 'NODE_ENV',
  },
  warehouse: {
    url: {
      doc: 'Postgres connection string for the reporting warehouse',
      format: String,
      default: 'postgres://etl_writer:Wh5e!9kqT2zRv7@warehouse-prod.cluster-c8x2kq1m.eu-west-1.rds.amazonaws.com:5432/analytics', // expect: secret.inline
      env: 'WAREHOUSE_URL',
      sensitive: true,
    },
    poolSize: { format: 'nat', default: 10, env: 'WAREHOUSE_POOL_SIZE' },
  },
  redis: {
    url: {
      doc: 'Queue backend',
      format: String,
      default: 'redis://localhost:6379/0', // ok: secret.inline
      env: 'REDIS_URL',
    },
  },
  rabbit: {
    url: {
      doc: 'Event bus (local docker-compose broker in development)',
      format: String,
      default: 'amqp://guest:guest@localhost:5672', // ok: secret.inline
      env: 'AMQP_URL',
      sensitive: true,
    },
  },
  s3: {
    bucket: { format: String, default: 'acme-pipeline-staging', env: 'S3_BUCKET' },
    region: { format: String, default: 'eu-west-1', env: 'AWS_REGION' },
  },
  snowflake: {
    account: { format: String, default: 'xy12345.eu-west-1', env: 'SNOWFLAKE_ACCOUNT' },
    user: { format: String, default: 'PIPELINE_SVC', env: 'SNOWFLAKE_USER' },
    password: { format: String, default: '', env: 'SNOWFLAKE_PASSWORD', sensitive: true }, // ok: secret.inline
    warehouse: { format: String, default: 'ETL_WH', env: 'SNOWFLAKE_WAREHOUSE' },
  },
  alerts: {
    email: { format: 'email', default: 'data-oncall@acme-analytics.io', env: 'ALERT_EMAIL' },
  },
});

config.validate({ allowed: 'strict' });

export default config;

// ---- AWS -----------------------------------------------------------------
// The ECS task role provides credentials in staging/production; these are only
// read when running the pipeline from a laptop against the shared dev account.
export const awsCredentials =
  config.get('env') === 'development'
    ? {
        accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'AKIA1BG2WG5LPP8KSQOD', // expect: secret.inline
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'AlWSN4kq0O3SzZTmhWe6+BqZU2twWeGcP5jOGmhd', // expect: secret.inline
      }
    : undefined;

export function describeConfig(): Record<string, unknown> {
  // convict masks everything marked `sensitive` in toString().
  return JSON.parse(config.toString());
}
