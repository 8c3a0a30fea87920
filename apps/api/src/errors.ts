/** Every error the API returns on purpose, mapped to its HTTP status in one table. */
export const errorStatus = {
  ValidationError: 400,
  CodeMismatch: 400,
  ExpiredCode: 400,
  InvalidPassword: 400,
  Unauthorized: 401,
  Forbidden: 403,
  ReauthenticationFailed: 403,
  NotFound: 404,
  DuplicateApplication: 409,
  Conflict: 409,
  PayloadTooLarge: 413,
  LaborLawForbids: 422,
  TooManyRequests: 429,
  InternalError: 500,
  IdentityUnavailable: 503,
  EmployerAccountRequired: 403,
  OrganizationNotVerified: 403,
  OrganizationSuspended: 403,
  OrganizationAdminRequired: 403,
  InvitationEmailMismatch: 403,
  AlreadyMember: 409,
  LastAdmin: 409,
  OrganizationStatusConflict: 409,
  InvitationExpired: 410,
  InvitationUsed: 410,
  InvitationRevoked: 410,
  EmailUnavailable: 503,
  JobQueueUnavailable: 503,
  ListingStatusConflict: 409,
  InvalidTransition: 409,
  ContactDeclined: 409,
  ThreadClosed: 409,
  BlockedByStudent: 403,
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
