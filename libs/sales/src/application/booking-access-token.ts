import { SIGNING_ALGORITHM, type SigningKey } from '@ticketing/platform';
import { jwtVerify, SignJWT } from 'jose';

export const BOOKING_ACCESS_KEY = Symbol('BOOKING_ACCESS_KEY');

/** Its own audience, so that a booking's token is never taken for a user's access token, nor the reverse. */
export const BOOKING_ACCESS_AUDIENCE = 'urn:ticketing:booking-access';

/** A guest comes back for their tickets long after the hold; a year covers any event sold today. */
const BOOKING_ACCESS_TTL_SECONDS = 365 * 24 * 3600;

/**
 * What a guest shows to read their booking: an EdDSA-signed JWT whose subject is the booking and nothing else, so
 * it opens that booking alone and carries no personal data.
 *
 * @example
 * const token = await issueBookingAccessToken(key, 'urn:ticketing:api', bookingId, clock.now());
 */
export function issueBookingAccessToken(
  key: SigningKey,
  issuer: string,
  bookingId: string,
  now: Date,
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(bookingId)
    .setIssuer(issuer)
    .setAudience(BOOKING_ACCESS_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + BOOKING_ACCESS_TTL_SECONDS)
    .sign(key.privateKey);
}

/**
 * The booking `token` opens, or null when it is not a valid booking access token: a guest without a valid token is
 * told the booking does not exist, as anyone else would be.
 */
export async function verifyBookingAccessToken(
  key: SigningKey,
  issuer: string,
  token: string,
  now: Date,
): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: [SIGNING_ALGORITHM],
      issuer,
      audience: BOOKING_ACCESS_AUDIENCE,
      currentDate: now,
      requiredClaims: ['sub', 'exp'],
    });
    return payload.sub ?? null;
  } catch {
    return null;
  }
}
