import { InputType, OmitType, PartialType } from '@nestjs/graphql';
import { CreateTicketTypeInput } from './create-ticket-type.input';

/**
 * Only the fields sent change; null clears price, minimumDonation, the visibility window, reentryLimit and
 * refundPolicy, and is refused for the rest. Capacity changes through `updateTicketTypeCapacity`.
 */
@InputType()
export class UpdateTicketTypeInput extends PartialType(OmitType(CreateTicketTypeInput, ['totalQuantity']), {
  skipNullProperties: false,
}) {}
