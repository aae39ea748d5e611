import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const secrets = new SecretsManagerClient({});

// Reused across invocations while the container is warm.
const tokenCache = new Map();

async function clientSecretFor(partnerId) {
  const out = await secrets.send(new GetSecretValueCommand({ SecretId: `partners/${partnerId}/client-secret` }));
  return out.SecretString;
}

async function getPartnerToken(partnerId) {
  if (tokenCache.has(partnerId)) return tokenCache.get(partnerId);
  const res = await fetch(`${process.env.PARTNER_AUTH_URL}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: partnerId, client_secret: await clientSecretFor(partnerId) }),
  });
  const { access_token } = await res.json();
  tokenCache.set(partnerId, access_token); // expect: token.expiry
  return access_token;
}

export const handler = async (event) => {
  for (const record of event.Records) {
    const { partnerId, payload } = JSON.parse(record.body);
    const token = await getPartnerToken(partnerId);
    await fetch(`${process.env.PARTNER_API_URL}/v1/orders`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  }
};
