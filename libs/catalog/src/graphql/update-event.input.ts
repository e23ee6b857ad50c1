import { InputType, PartialType } from '@nestjs/graphql';
import { CreateEventInput } from './create-event.input';

/**
 * Only the fields sent change. `venue: null` and `maxCapacity: null` remove them; null for any other field is refused,
 * because those fields cannot be empty.
 */
@InputType()
export class UpdateEventInput extends PartialType(CreateEventInput, { skipNullProperties: false }) {}
