import type { PromoCodeState } from '../domain/promo-code/promo-code.state';
import type { PromoDiscount } from '../domain/promo-code/promo-discount';

export interface PromoCodeView {
  eventId: string;
  code: string;
  discount: PromoDiscount;
  /** Empty: every ticket type of the event. */
  ticketTypeIds: string[];
  /** Null: no maximum. */
  maxUses: number | null;
  validFrom: Date;
  validUntil: Date;
  uses: { held: number; confirmed: number };
  createdBy: string;
}

export function toPromoCodeView({ definition, uses }: PromoCodeState): PromoCodeView {
  return {
    eventId: definition.eventId,
    code: definition.code,
    discount: definition.discount,
    ticketTypeIds: definition.ticketTypeIds,
    maxUses: definition.maxUses,
    validFrom: new Date(definition.validFrom),
    validUntil: new Date(definition.validUntil),
    uses: { held: uses.held, confirmed: uses.confirmed },
    createdBy: definition.createdBy,
  };
}
