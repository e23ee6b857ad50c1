import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('TicketQr', {
  description:
    'A QR code scanners verify offline against /.well-known/jwks.json. Signed afresh on each request; a transfer, void or refund revokes it.',
})
export class TicketQrType {
  @Field({ description: 'The signed payload (a compact JWS) the code encodes.' })
  payload!: string;

  @Field({ description: 'The code as an SVG document.' })
  svg!: string;

  @Field({ description: 'The code as a PNG, `data:image/png;base64,...`.' })
  pngDataUrl!: string;
}
