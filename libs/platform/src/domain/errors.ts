/**
 * The stable error codes clients see in `extensions.code`. The README lists them; never rename one.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  CONFLICT: 'CONFLICT',
  BUSINESS_RULE_VIOLATION: 'BUSINESS_RULE_VIOLATION',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  field: string;
  messages: string[];
}

/** An error a client caused and can act on. Pure: deciders throw it, the API maps it to `extensions`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A business rule said no. `reason` is a stable SCREAMING_SNAKE identifier (EVENT_NOT_DRAFT, ...). */
export function ruleViolation(reason: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(ErrorCode.BUSINESS_RULE_VIOLATION, message, reason, details);
}

export function notFound(what: string, id: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, `${toReason(what)}_NOT_FOUND`);
}

export function forbidden(message: string): AppError {
  return new AppError(ErrorCode.FORBIDDEN, message);
}

export function conflict(reason: string, message: string): AppError {
  return new AppError(ErrorCode.CONFLICT, message, reason);
}

/** A request we cannot read as one, for a reason of its own rather than per field (a webhook's missing signature). */
export function invalidRequest(reason: string, message: string): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, message, reason);
}

export function unauthenticated(message = 'Sign in to do this'): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, message);
}

export function validationFailed(fields: FieldError[]): AppError {
  const summary = fields.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; ');
  return new AppError(ErrorCode.VALIDATION_FAILED, `Invalid input: ${summary}`, undefined, { fields });
}

function toReason(what: string): string {
  return what
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/\s+/g, '_')
    .toUpperCase();
}
