import { createLocalJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { ServiceContext } from './context.ts';
import { notAuthorized } from './errors.ts';
import { tokenLifetimeSeconds } from './signing-keys.ts';
import { findUserBySub, groupsOf, type UserRecord } from './users.ts';

export interface SignedTokens {
  AccessToken: string;
  IdToken: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * Returns the iat of new tokens. iat has whole seconds, and resource servers refuse every token
 * whose second includes a revocation. So right after a revocation this waits for the next second,
 * and a user who signs in again at once gets tokens that are not mistaken for revoked ones.
 */
async function issueSecond(context: ServiceContext, user: UserRecord): Promise<number> {
  const issuedAt = epochSeconds(context.now());
  const validAfterMs = user.tokens_valid_after?.getTime() ?? 0;
  if (issuedAt * 1000 > validAfterMs) return issuedAt;
  const nextSecond = Math.floor(validAfterMs / 1000) + 1;
  const wait = Math.min(1000, Math.max(0, nextSecond * 1000 - context.now().getTime()));
  await new Promise((resolve) => setTimeout(resolve, wait));
  return Math.max(epochSeconds(context.now()), nextSecond);
}

/**
 * Signs an access token and an ID token with Cognito's claims. `chainId` becomes origin_jti, so
 * revoking the sign-in's refresh chain also revokes these tokens at this service.
 */
export async function signTokens(
  context: ServiceContext,
  user: UserRecord,
  chainId: string,
  authTime: Date,
): Promise<SignedTokens> {
  const { kid, privateKey } = await context.keys.currentKey();
  const groups = await groupsOf(context.db, user.sub);
  const issuedAt = await issueSecond(context, user);
  const common = {
    sub: user.sub,
    iss: context.issuer,
    auth_time: epochSeconds(authTime),
    origin_jti: chainId,
    iat: issuedAt,
    exp: issuedAt + tokenLifetimeSeconds,
    ...(groups.length > 0 ? { 'cognito:groups': groups } : {}),
  };
  const access = {
    ...common,
    token_use: 'access',
    client_id: context.clientId,
    scope: 'aws.cognito.signin.user.admin',
    username: user.username,
    jti: crypto.randomUUID(),
  };
  const id = {
    ...common,
    aud: context.clientId,
    token_use: 'id',
    email: user.email,
    email_verified: user.email_verified,
    ...(user.given_name !== null ? { given_name: user.given_name } : {}),
    ...(user.family_name !== null ? { family_name: user.family_name } : {}),
    birthdate: user.birthdate,
    ...user.custom_attributes,
    'cognito:username': user.username,
    jti: crypto.randomUUID(),
  };
  const header = { alg: 'RS256', kid };
  return {
    AccessToken: await new SignJWT(access).setProtectedHeader(header).sign(privateKey),
    IdToken: await new SignJWT(id).setProtectedHeader(header).sign(privateKey),
    ExpiresIn: tokenLifetimeSeconds,
    TokenType: 'Bearer',
  };
}

interface AccessClaims extends JWTPayload {
  token_use?: unknown;
  client_id?: unknown;
  origin_jti?: unknown;
}

async function verifyAccessClaims(context: ServiceContext, token: string): Promise<AccessClaims> {
  const keys = createLocalJWKSet({ keys: await context.keys.publishedKeys() });
  try {
    const { payload } = await jwtVerify<AccessClaims>(token, keys, {
      issuer: context.issuer,
      algorithms: ['RS256'],
      currentDate: context.now(),
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    return payload;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw notAuthorized('Access Token has expired');
    throw notAuthorized('Invalid Access Token');
  }
}

/**
 * Verifies an access token presented to this service and returns its user. Rejects tokens of
 * deleted or disabled users, of revoked sign-ins, and tokens issued before the user's last
 * global sign-out or password change.
 */
export async function authenticateAccessToken(context: ServiceContext, token: unknown): Promise<UserRecord> {
  if (typeof token !== 'string' || token.length === 0) throw notAuthorized('Invalid Access Token');
  const claims = await verifyAccessClaims(context, token);
  if (claims.token_use !== 'access' || claims.client_id !== context.clientId || typeof claims.sub !== 'string') {
    throw notAuthorized('Invalid Access Token');
  }
  const user = await findUserBySub(context.db, claims.sub);
  if (!user || !user.enabled) throw notAuthorized('Access Token has been revoked');

  // iat has whole seconds, so a token from the same second as the sign-out passes this check;
  // the revoked refresh chain below still catches it.
  const validAfter = user.tokens_valid_after ? epochSeconds(user.tokens_valid_after) : 0;
  if ((claims.iat ?? 0) < validAfter) throw notAuthorized('Access Token has been revoked');
  if (typeof claims.origin_jti === 'string') {
    const chain = await context.db.query(`SELECT 1 FROM refresh_chains WHERE id = $1 AND revoked_at IS NULL`, [
      claims.origin_jti,
    ]);
    if (chain.rowCount === 0) throw notAuthorized('Access Token has been revoked');
  }
  return user;
}
