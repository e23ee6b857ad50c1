import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ACCESS_TOKEN_KEY } from '@ticketing/identity';
import type { SigningKey } from '@ticketing/platform';
import { TICKET_QR_KEY } from '@ticketing/ticketing';

/** The public halves of our signing keys, so clients and scanners can verify our signatures offline. */
@Controller('.well-known')
export class JwksController {
  constructor(
    @Inject(ACCESS_TOKEN_KEY) private readonly accessTokenKey: SigningKey,
    @Inject(TICKET_QR_KEY) private readonly ticketQrKey: SigningKey,
  ) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  jwks() {
    return { keys: [this.accessTokenKey.publicJwk, this.ticketQrKey.publicJwk] };
  }
}
