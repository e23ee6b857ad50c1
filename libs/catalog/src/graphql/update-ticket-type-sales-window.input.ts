import { InputType, PickType } from '@nestjs/graphql';
import { CreateTicketTypeInput } from './create-ticket-type.input';

/** An end left out stays where it is; the window is checked as at creation. */
@InputType()
export class UpdateTicketTypeSalesWindowInput extends PickType(CreateTicketTypeInput, [
  'salesStartsAt',
  'salesEndsAt',
]) {}
