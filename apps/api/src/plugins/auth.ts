import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { ApiConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import type { RevocationList } from '../revocations.ts';

/** The verified caller of a request: the token's subject and its groups. */
export interface Caller {
  sub: string;
  groups: string[];
  accessToken: string;
  issuedAt: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** Routes that anyone may call without a token. */
    public?: boolean;
  }
}

interface AccessTokenClaims extends JWTPayload {
  token_use?: unknown;
  client_id?: unknown;
  'cognito:groups'?: unknown;
}

export interface AuthenticationOptions {
  config: ApiConfig;
  revocations: RevocationList;
}

/**
 * Verifies the bearer access token on every request against the identity service's cached
 * JWKS: RS256 signature, issuer, expiry (with a small tolerance), token_use and client_id,
 * then refuses tokens issued before the user's latest revocation. Routes not marked public
 * return 401 without a valid token.
 */
export default fp(async function authentication(app: FastifyInstance, { config, revocations }: AuthenticationOptions) {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl ?? `${config.tokenIssuer}/.well-known/jwks.json`), {
    // An unknown key id triggers at most one refetch per 10 seconds.
    cooldownDuration: 10_000,
    cacheMaxAge: 10 * 60_000,
  });

  async function verify(token: string): Promise<Caller> {
    let payload: AccessTokenClaims;
    try {
      ({ payload } = await jwtVerify<AccessTokenClaims>(token, jwks, {
        issuer: config.tokenIssuer,
        algorithms: ['RS256'],
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch {
      throw new AppError('Unauthorized', 'The access token is invalid or expired. Sign in again.');
    }
    if (payload.token_use !== 'access' || payload.client_id !== config.clientId || typeof payload.sub !== 'string') {
      throw new AppError('Unauthorized', 'The access token is invalid or expired. Sign in again.');
    }
    const groups = Array.isArray(payload['cognito:groups'])
      ? payload['cognito:groups'].filter((g) => typeof g === 'string')
      : [];
    return { sub: payload.sub, groups, accessToken: token, issuedAt: payload.iat ?? 0 };
  }

  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const isPublic = request.routeOptions.config?.public === true;
    if (!header) {
      if (isPublic || !request.routeOptions.url) return;
      throw new AppError('Unauthorized', 'Sign in to continue: this request needs an access token.');
    }
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match?.[1]) throw new AppError('Unauthorized', 'The Authorization header must be "Bearer <access token>".');
    const caller = await verify(match[1]);
    if (await revocations.isRevoked(caller.sub, caller.issuedAt)) {
      throw new AppError('Unauthorized', 'This session was signed out. Sign in again.');
    }
    request.caller = caller;
    request.log = request.log.child({ userId: request.caller.sub });
  });
});
