// Authorizer for the internal admin API. Requests come through the ALB, which performs the OIDC
// login and forwards the user claims in the x-amzn-oidc-data header.
export const handler = async (event) => {
  const oidcData = event.headers?.['x-amzn-oidc-data'];
  if (!oidcData) return { isAuthorized: false };
  const [, payload] = oidcData.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')); // expect: token.verify
  const groups = String(claims['custom:groups'] ?? '').split(',');
  return { isAuthorized: groups.includes('ops-admins'), context: { email: claims.email } };
};
