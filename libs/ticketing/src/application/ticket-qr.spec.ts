import { loadSigningKey, type SigningKey } from '@ticketing/platform';
import { SignJWT } from 'jose';
import { InvalidTicketQrReason } from './invalid-ticket-qr.error';
import { renderTicketQr } from './ticket-qr-image';
import { signTicketQr, TICKET_QR_AUDIENCE, verifyTicketQr } from './ticket-qr';

const issuer = 'urn:ticketing:api';
const now = new Date('2026-06-01T10:00:00.000Z');
const ticket = {
  ticketId: '0f6d2b1e-6a57-4c47-9a43-1f1d3f0f6c01',
  eventId: '5b0a9c7e-2d4f-4e8a-b1c3-7d9e0f1a2b3c',
  ticketTypeId: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  qrVersion: 2,
};
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('ticket QR payloads', () => {
  let key: SigningKey;
  let jwks: { keys: SigningKey['publicJwk'][] };

  beforeAll(async () => {
    key = await loadSigningKey({ name: 'ticket-qr', jwk: null, dataDir: null });
    jwks = { keys: [key.publicJwk] };
  });

  const rejectionOf = (token: string) =>
    verifyTicketQr(token, jwks, issuer).then(
      () => 'accepted',
      (error: { reason: string }) => error.reason,
    );

  it('a payload verifies against the published key set and names the ticket, its version and when it was signed', async () => {
    const payload = await signTicketQr(key, issuer, ticket, now);
    expect(await verifyTicketQr(payload, jwks, issuer)).toEqual({ ...ticket, issuedAt: now });
  });

  it('is small enough for a QR code a phone shows at a readable size', async () => {
    expect((await signTicketQr(key, issuer, ticket, now)).length).toBeLessThan(600);
  });

  it('a tampered payload is refused: its signature no longer matches', async () => {
    const [header, , signature] = (await signTicketQr(key, issuer, ticket, now)).split('.');
    const forgedClaims = Buffer.from(
      JSON.stringify({
        tid: ticket.ticketId,
        evt: ticket.eventId,
        tt: ticket.ticketTypeId,
        v: 3,
        iss: issuer,
        aud: TICKET_QR_AUDIENCE,
        iat: 1,
      }),
    ).toString('base64url');
    expect(await rejectionOf(`${header}.${forgedClaims}.${signature}`)).toBe(
      InvalidTicketQrReason.QR_SIGNATURE_INVALID,
    );
  });

  it('a payload signed by another key is refused, even when it claims our key id', async () => {
    const other = await loadSigningKey({ name: 'other', jwk: null, dataDir: null });
    const forged = await signTicketQr({ ...other, kid: key.kid }, issuer, ticket, now);
    expect(await rejectionOf(forged)).toBe(InvalidTicketQrReason.QR_SIGNATURE_INVALID);
    expect(await rejectionOf(await signTicketQr(other, issuer, ticket, now))).toBe(
      InvalidTicketQrReason.QR_KEY_UNKNOWN,
    );
  });

  it('a payload signed with another algorithm (HS256 and a guessed secret) is refused before any key is tried', async () => {
    const forged = await new SignJWT({
      tid: ticket.ticketId,
      evt: ticket.eventId,
      tt: ticket.ticketTypeId,
      v: 1,
    })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'ticket-qr+jwt' })
      .setIssuer(issuer)
      .setAudience(TICKET_QR_AUDIENCE)
      .setIssuedAt()
      .sign(new TextEncoder().encode('a guessed shared secret of some length'));
    expect(await rejectionOf(forged)).toBe(InvalidTicketQrReason.QR_ALGORITHM_NOT_ALLOWED);
  });

  it('a payload for another audience is refused, even signed by our key', async () => {
    const elsewhere = await new SignJWT({
      tid: ticket.ticketId,
      evt: ticket.eventId,
      tt: ticket.ticketTypeId,
      v: 1,
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'ticket-qr+jwt' })
      .setIssuer(issuer)
      .setAudience('urn:ticketing:clients')
      .setIssuedAt()
      .sign(key.privateKey);
    expect(await rejectionOf(elsewhere)).toBe(InvalidTicketQrReason.QR_CLAIMS_INVALID);
  });

  it('a payload from another issuer is refused', async () => {
    const payload = await signTicketQr(key, 'urn:someone:else', ticket, now);
    expect(await rejectionOf(payload)).toBe(InvalidTicketQrReason.QR_CLAIMS_INVALID);
  });

  it('a string that is not a signed payload is refused as malformed', async () => {
    expect(await rejectionOf('https://example.com/not-a-ticket')).toBe(InvalidTicketQrReason.QR_MALFORMED);
  });
});

describe('ticket QR images', () => {
  it('draws the payload as an SVG document', async () => {
    const { svg } = await renderTicketQr('a payload');
    expect(svg.trimStart().startsWith('<svg')).toBe(true);
    expect(svg).toContain('</svg>');
  });

  it('draws the payload as a PNG data URL whose bytes are a PNG', async () => {
    const { pngDataUrl } = await renderTicketQr('a payload');
    expect(pngDataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const bytes = Buffer.from(pngDataUrl.slice('data:image/png;base64,'.length), 'base64');
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });
});
