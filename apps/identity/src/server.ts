import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import type { DestinationStream, LoggerOptions } from 'pino';
import type { Mailer } from '@clockin/email';
import type { RevocationEvent, ServiceContext } from './context.ts';
import { SecretBox } from './crypto.ts';
import { bodyLimit, registerOperationRoute } from './http.ts';
import { SigningKeyStore, signingKeyBox } from './signing-keys.ts';
import { createPreSignUpHandler, type PreSignUpHandler } from './triggers/pre-sign-up.ts';

export interface IdentityServerOptions {
  /** Connection URL of the clockin_identity role. */
  databaseUrl: string;
  /** Defaults to 'us-east-2_ClockInLocal'. */
  userPoolId?: string;
  /** The one app client, e.g. 'clockin-web-local'. */
  clientId: string;
  /** Base of the token issuer, e.g. 'http://localhost:4100'. The issuer is `${issuerBaseUrl}/${userPoolId}`. */
  issuerBaseUrl: string;
  mailer: Mailer;
  /** 32-byte key in base64 that encrypts TOTP secrets and signing keys at rest. */
  mfaEncryptionKey: string;
  logger?: LoggerOptions | false;
  /** Destination for log lines in place of stdout, for tests that read them. */
  logStream?: DestinationStream;
  /** Replaces the system clock, for tests. */
  clock?: () => Date;
  /** Called before the service revokes a user's tokens, so the API can reject them at once. */
  onRevocation?: (event: RevocationEvent) => Promise<void>;
  /** Replaces the age-gate Pre sign-up trigger, for tests. */
  preSignUp?: PreSignUpHandler;
  /** How long the Pre sign-up trigger may run before sign-up fails, in milliseconds. Defaults to 5000. */
  preSignUpTimeoutMs?: number;
  /** Proxies whose X-Forwarded-For is trusted (Fastify's trustProxy). Unset means the socket address counts. */
  trustProxy?: boolean | string | string[];
}

const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'res.body',
  '*.password',
  '*.email',
];

function loggerOptions(logger: LoggerOptions | false | undefined, stream: DestinationStream | undefined) {
  if (logger === false) return false;
  return {
    ...logger,
    ...(stream ? { stream } : {}),
    redact: { paths: redactedPaths, censor: '[redacted]' },
    // Only the method and path: no headers, query strings or bodies, which may carry personal data.
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url.split('?')[0] }),
    },
  };
}

/**
 * Builds the local Cognito user-pool service. The caller calls `.listen()`, and closing the server
 * ends its database pool.
 */
export async function buildIdentityServer(options: IdentityServerOptions): Promise<FastifyInstance> {
  const userPoolId = options.userPoolId ?? 'us-east-2_ClockInLocal';
  const now = options.clock ?? (() => new Date());
  const app = Fastify({
    logger: loggerOptions(options.logger, options.logStream),
    bodyLimit,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
  });
  const db = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  db.on('error', (error) => app.log.error({ err: { message: error.message } }, 'Idle database connection failed'));
  app.addHook('onClose', async () => db.end());

  const context: ServiceContext = {
    db,
    userPoolId,
    clientId: options.clientId,
    issuer: `${options.issuerBaseUrl.replace(/\/$/, '')}/${userPoolId}`,
    mailer: options.mailer,
    now,
    secrets: new SecretBox(options.mfaEncryptionKey, 'user-secrets'),
    keys: new SigningKeyStore(db, signingKeyBox(options.mfaEncryptionKey), now),
    preSignUp: options.preSignUp ?? createPreSignUpHandler(now),
    preSignUpTimeoutMs: options.preSignUpTimeoutMs ?? 5000,
    onRevocation: options.onRevocation ?? (async () => {}),
    log: app.log,
  };
  try {
    await context.keys.ensureKeys();
  } catch (error) {
    await app.close();
    throw error;
  }

  registerOperationRoute(app, context);

  app.get(`/${userPoolId}/.well-known/jwks.json`, async () => ({ keys: await context.keys.publishedKeys() }));
  app.get(`/${userPoolId}/.well-known/openid-configuration`, async () => ({
    issuer: context.issuer,
    jwks_uri: `${context.issuer}/.well-known/jwks.json`,
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['token'],
    scopes_supported: ['aws.cognito.signin.user.admin', 'openid', 'email', 'profile'],
  }));

  return app;
}
