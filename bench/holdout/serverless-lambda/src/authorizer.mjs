// API Gateway REQUEST authorizer for the public API (Cognito user pool tokens).
import jwt from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';

const ISSUER = `https://cognito-idp.${process.env.AWS_REGION}.amazonaws.com/${process.env.USER_POOL_ID}`;
const jwks = jwksClient({ jwksUri: `${ISSUER}/.well-known/jwks.json`, cache: true, cacheMaxAge: 10 * 60 * 1000 });

const policy = (principalId, effect, resource, context = {}) => ({
  principalId,
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
  context,
});

export const handler = async (event) => {
  const token = (event.headers?.authorization ?? '').replace(/^Bearer\s+/i, '');
  const decoded = jwt.decode(token, { complete: true }); // ok: token.verify
  if (!decoded?.header?.kid) return policy('anonymous', 'Deny', event.methodArn);
  const key = await jwks.getSigningKey(decoded.header.kid);
  try {
    const claims = jwt.verify(token, key.getPublicKey(), { algorithms: ['RS256'], issuer: ISSUER }); // ok: token.verify
    if (claims.token_use !== 'access') return policy(claims.sub, 'Deny', event.methodArn);
    return policy(claims.sub, 'Allow', event.methodArn, { scope: claims.scope ?? '' });
  } catch {
    return policy('anonymous', 'Deny', event.methodArn);
  }
};
