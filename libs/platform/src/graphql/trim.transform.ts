import { Transform } from 'class-transformer';

/** Surrounding spaces are never meant, and would let a blank value pass a length check. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** `Trim` for each string of a list. */
export const TrimEach = () =>
  Transform(({ value }) =>
    Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value,
  );
