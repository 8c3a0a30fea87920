/** Every error the API returns on purpose, mapped to its HTTP status in one table. */
export const errorStatus = {
  ValidationError: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  DuplicateApplication: 409,
  Conflict: 409,
  PayloadTooLarge: 413,
  TooManyRequests: 429,
  InternalError: 500,
  IdentityUnavailable: 503,
} as const;

export type ErrorName = keyof typeof errorStatus;

export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly errorName: ErrorName,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = errorName;
    this.statusCode = errorStatus[errorName];
  }
}

export const notFound = (what: string) => new AppError('NotFound', `${what} was not found.`);
