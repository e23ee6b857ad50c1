import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as null: unlike `IsOptional`, null still meets the field's validators.
 * For fields that always have a value, where a left-out one takes its default.
 */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);
