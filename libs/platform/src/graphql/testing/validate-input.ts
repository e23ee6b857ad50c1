import type { Type } from '@nestjs/common';
import { AppError } from '../../domain/errors';
import { createValidationPipe } from '../validation.pipe';

/** `value` as a resolver receives it as the input `metatype`: through the API's validation pipe. */
export function validateInput<T>(metatype: Type<T>, value: Record<string, unknown>): Promise<T> {
  return createValidationPipe().transform(value, { type: 'body', metatype });
}

/** The code and the dotted paths of the fields the pipe refuses in `value`; null when it accepts it. */
export async function refusedFields(
  metatype: Type<unknown>,
  value: Record<string, unknown>,
): Promise<{ code: string; fields: string[] } | null> {
  try {
    await validateInput(metatype, value);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const fields = (error.details?.fields ?? []) as { field: string }[];
    return { code: error.code, fields: fields.map((refused) => refused.field) };
  }
}
