import { InputType, PickType } from '@nestjs/graphql';
import { CreateTicketTypeInput } from './create-ticket-type.input';

/** No fewer than are sold and held, and within the event's maximum capacity. */
@InputType()
export class UpdateTicketTypeCapacityInput extends PickType(CreateTicketTypeInput, ['totalQuantity']) {}
