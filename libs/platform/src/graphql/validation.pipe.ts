import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, validationFailed } from '../domain/errors';

/**
 * class-validator on every GraphQL input, reporting each failing field (nested ones by their dotted path) as
 * VALIDATION_FAILED. Unknown properties are rejected rather than silently dropped.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
