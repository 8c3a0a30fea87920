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
  clientId: string;
  /** Development mode exposes the mailbox route. */
  development: boolean;
  /** Folder of the development mailbox. */
  mailboxDir?: string;
  /** Accepted clock difference when checking token expiry, in seconds. */
  clockToleranceSeconds: number;
}
