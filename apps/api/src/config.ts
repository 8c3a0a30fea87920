export interface ApiConfig {
  /** clockin_app's connection URL: the runtime role that owns nothing. */
  databaseUrl: string;
  /** Issuer of access tokens, e.g. http://127.0.0.1:4100/us-east-2_ClockInLocal. */
  tokenIssuer: string;
  /** URL of the identity service's JWKS. Defaults to the issuer's JWKS path. */
  jwksUrl?: string;
  /** Cognito endpoint for GetUser; unset means the AWS default for the region. */
  identityEndpoint?: string;
  region: string;
  /** The user pool, for the admin operations of password reset and suspension. */
  userPoolId: string;
  clientId: string;
  /** Development mode exposes the mailbox route. */
  development: boolean;
  /** Folder of the development mailbox. */
  mailboxDir?: string;
  /** Origin of the web app, for links in emails such as member invitations. */
  webUrl?: string;
  /** Accepted clock difference when checking token expiry, in seconds. */
  clockToleranceSeconds: number;
  /** District exports; without it, starting an export fails with JobQueueUnavailable. */
  districtExports?: {
    /** clockin_jobs' connection URL, for sending export jobs to pg-boss. */
    jobsDatabaseUrl: string;
    /** Folder the export worker writes files to, and downloads read from. */
    directory: string;
  };
  /** Account deletion and personal data exports. Without it, both return JobQueueUnavailable. */
  accounts?: {
    /** clockin_jobs' connection URL, for sending purge and export jobs to pg-boss. */
    jobsDatabaseUrl: string;
    /** Folder of students' own data files. */
    exportDirectory: string;
    /** Days between a deletion and its purge: 0 to 30, default 7. */
    purgeDelayDays?: number;
  };
}
