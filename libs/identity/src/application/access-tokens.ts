import { type AppConfig, SIGNING_ALGORITHM, type SigningKey } from '@ticketing/platform';
import { type Principal, Role, unauthenticated } from '@ticketing/platform/domain';
import { jwtVerify, SignJWT } from 'jose';

export const ACCESS_TOKEN_KEY = Symbol('ACCESS_TOKEN_KEY');

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

type TokenSettings = AppConfig['auth'];

/** Access tokens: EdDSA-signed JWTs naming the user, their role and the session that must still be active. */
export async function issueAccessToken(
  key: SigningKey,
  settings: TokenSettings,
  principal: Principal,
  now: Date,
): Promise<IssuedToken> {
  const expiresAt = new Date(now.getTime() + settings.accessTokenTtlSeconds * 1000);
  const accessToken = await new SignJWT({ role: principal.role, sid: principal.sessionId })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key.privateKey);
  return { accessToken, expiresAt };
}

/**
 * Verifies signature, algorithm (pinned: a token naming another algorithm is refused), issuer, audience and expiry
 * against `now`. Whether the session is still active is the authenticator's question.
 */
export async function verifyAccessToken(
  key: SigningKey,
  settings: TokenSettings,
  token: string,
  now: Date,
): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: [SIGNING_ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const role = payload.role;
    if (typeof payload.sid !== 'string' || !Object.values(Role).includes(role as Role)) {
      throw new Error('claims');
    }
    return { userId: payload.sub!, role: role as Role, sessionId: payload.sid };
  } catch {
    throw unauthenticated('The access token is invalid or has expired');
  }
}
