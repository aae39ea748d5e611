'use strict';

const path = require('node:path');
require('dotenv').config({ path: path.resolve(__dirname, '..', '.env') });

/**
 * notify-hub settings. Copy .env.example to .env for local runs:
 *
 *   SLACK_BOT_TOKEN=xoxb-your-bot-token
 *   SENDGRID_API_KEY=SG.your-key-here
 *   TWILIO_AUTH_TOKEN=<your-twilio-auth-token>
 */

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

const isProd = process.env.NODE_ENV === 'production';

module.exports = {
  port: Number(process.env.PORT || 4010),

  slack: {
    botToken: process.env.SLACK_BOT_TOKEN || 'xoxb-466649519548-9084855011464-Kt5Tle30wmfVlIewAD4eYXDa', // expect: secret.inline
    signingSecret: required('SLACK_SIGNING_SECRET'),
    alertsChannel: process.env.SLACK_ALERTS_CHANNEL || 'C04QJ7N2K8B',
    // Fallback for when the bot is not in the channel.
    incidentWebhook: 'https://hooks.slack.com/services/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', // expect: secret.inline
  },

  email: {
    provider: 'sendgrid',
    apiKey: isProd ? required('SENDGRID_API_KEY') : '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', // expect: secret.inline
    from: { email: 'no-reply@notify.pebblepay.io', name: 'PebblePay' },
    templates: {
      passwordReset: 'd-8f3a2c7e1b9d4f60a5c8e2b7d1f4a9c3', // ok: secret.inline
      receipt: 'd-2b6e9f1c4a7d3e80b5c2f8a1d6e9b4c7',
    },
  },

  sms: {
    accountSid: process.env.TWILIO_ACCOUNT_SID,
    authToken: process.env.TWILIO_AUTH_TOKEN || 'your_auth_token', // ok: secret.inline
    messagingServiceSid: process.env.TWILIO_MESSAGING_SERVICE_SID,
  },

  push: {
    fcmProjectId: 'pebblepay-prod',
    apnsKeyId: 'K7Q2M9VT3R',
    apnsTeamId: 'X4H8P2N6D1',
    apnsKeyPath: process.env.APNS_KEY_PATH || '/run/secrets/apns_auth_key.p8', // ok: secret.inline
  },

  pagerduty: {
    routingKey: required('PAGERDUTY_ROUTING_KEY'),
  },

  retry: {
    attempts: 5,
    backoffMs: 500,
  },
};
