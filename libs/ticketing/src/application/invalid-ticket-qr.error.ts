/** Why a scanned payload was refused; stable, so scanners can show and log them. */
export const InvalidTicketQrReason = {
  /** Not a compact JWS at all, or its header is not ours. */
  QR_MALFORMED: 'QR_MALFORMED',
  /** Signed with an algorithm we never use (HS256 with a guessed secret, `none`...). */
  QR_ALGORITHM_NOT_ALLOWED: 'QR_ALGORITHM_NOT_ALLOWED',
  /** Its key id is not among the published keys. */
  QR_KEY_UNKNOWN: 'QR_KEY_UNKNOWN',
  /** Tampered with, or signed by another key under our key id. */
  QR_SIGNATURE_INVALID: 'QR_SIGNATURE_INVALID',
  /** Signed by us but not a ticket payload for scanners: wrong issuer, audience, type or claims. */
  QR_CLAIMS_INVALID: 'QR_CLAIMS_INVALID',
} as const;
export type InvalidTicketQrReason = (typeof InvalidTicketQrReason)[keyof typeof InvalidTicketQrReason];

export class InvalidTicketQrError extends Error {
  constructor(
    readonly reason: InvalidTicketQrReason,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidTicketQrError';
  }
}
