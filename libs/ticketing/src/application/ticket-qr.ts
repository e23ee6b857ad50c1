import { SIGNING_ALGORITHM, type SigningKey } from '@ticketing/platform';
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { InvalidTicketQrError, InvalidTicketQrReason } from './invalid-ticket-qr.error';

/** Nest injection token for the key that signs QR payloads: its own, so it never vouches for an access token. */
export const TICKET_QR_KEY = Symbol('TICKET_QR_KEY');

/** QR payloads are addressed to door scanners, never to API clients. */
export const TICKET_QR_AUDIENCE = 'urn:ticketing:scanners';

/** Checked on verification too, so no other JWT we sign passes for a ticket. */
const TICKET_QR_TYPE = 'ticket-qr+jwt';

/** What a scanner learns from a QR code it has verified. */
export interface TicketQrClaims {
  ticketId: string;
  eventId: string;
  ticketTypeId: string;
  /** Compare with the revocation feed: a transfer, void or refund revokes versions up to a number. */
  qrVersion: number;
  issuedAt: Date;
}

/**
 * A compact JWS (EdDSA, with `kid`) carrying only short claims, so the QR code stays small enough to scan quickly
 * from a phone. It has no expiry: a scanner's clock is not to be trusted offline, and a ticket stops admitting
 * through the revocation feed, not by the passing of time.
 *
 * @example
 * const payload = await signTicketQr(key, config.auth.issuer, { ticketId, eventId, ticketTypeId, qrVersion }, now);
 */
export function signTicketQr(
  key: SigningKey,
  issuer: string,
  ticket: Omit<TicketQrClaims, 'issuedAt'>,
  now: Date,
): Promise<string> {
  return new SignJWT({
    tid: ticket.ticketId,
    evt: ticket.eventId,
    tt: ticket.ticketTypeId,
    v: ticket.qrVersion,
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: TICKET_QR_TYPE })
    .setIssuer(issuer)
    .setAudience(TICKET_QR_AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .sign(key.privateKey);
}

/**
 * Verifies a scanned payload offline against a JWKS fetched earlier from `/.well-known/jwks.json`: the algorithm is
 * pinned, so a payload naming another one is refused before any key is tried; issuer, audience and type must be
 * ours. Throws `InvalidTicketQrError` naming why it was refused. Whether the version is revoked is the caller's
 * next question.
 *
 * @example
 * const jwks = await (await fetch(`${api}/.well-known/jwks.json`)).json();
 * const { ticketId, qrVersion } = await verifyTicketQr(scanned, jwks, 'urn:ticketing:api');
 */
export async function verifyTicketQr(
  token: string,
  jwks: JSONWebKeySet,
  issuer: string,
): Promise<TicketQrClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      algorithms: [SIGNING_ALGORITHM],
      issuer,
      audience: TICKET_QR_AUDIENCE,
      typ: TICKET_QR_TYPE,
      requiredClaims: ['iat'],
    }));
  } catch (error) {
    throw rejection(error);
  }
  const { tid, evt, tt, v, iat } = payload;
  if (!isId(tid) || !isId(evt) || !isId(tt) || !Number.isSafeInteger(v) || (v as number) < 1) {
    throw new InvalidTicketQrError(
      InvalidTicketQrReason.QR_CLAIMS_INVALID,
      'The payload does not name a ticket',
    );
  }
  return {
    ticketId: tid,
    eventId: evt,
    ticketTypeId: tt,
    qrVersion: v as number,
    issuedAt: new Date(iat! * 1000),
  };
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

const reasonsByJoseCode: Record<string, InvalidTicketQrReason> = {
  [errors.JOSEAlgNotAllowed.code]: InvalidTicketQrReason.QR_ALGORITHM_NOT_ALLOWED,
  [errors.JWKSNoMatchingKey.code]: InvalidTicketQrReason.QR_KEY_UNKNOWN,
  [errors.JWSSignatureVerificationFailed.code]: InvalidTicketQrReason.QR_SIGNATURE_INVALID,
  [errors.JWTClaimValidationFailed.code]: InvalidTicketQrReason.QR_CLAIMS_INVALID,
};

function rejection(error: unknown): InvalidTicketQrError {
  const reason = error instanceof errors.JOSEError ? reasonsByJoseCode[error.code] : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new InvalidTicketQrError(reason ?? InvalidTicketQrReason.QR_MALFORMED, message);
}
