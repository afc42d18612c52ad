// Typed application errors and the one mapping from error codes to HTTP statuses.
export type TErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE'
  | 'PROVIDER_ERROR'
  | 'INTERNAL';

const STATUS: Record<TErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  PROVIDER_ERROR: 502,
  INTERNAL: 500,
};

export type TIssue = { field?: string; row?: number; message: string };

// A value an encoder cannot write, naming its field ("billedCost", "is not a plain decimal"), so
// that a report can name the field apart from the reason (rowError).
export class FieldError extends RangeError {
  constructor(
    readonly field: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${field} ${reason}`, options);
    this.name = 'FieldError';
  }
}

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly issues: TIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  get status() {
    return STATUS[this.code];
  }
}

export function httpStatus(code: TErrorCode) {
  return STATUS[code];
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
