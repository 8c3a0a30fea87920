import { generateSecret, verify } from 'otplib';
import type { ServiceContext } from './context.ts';

/** Accepted clock difference between the authenticator app and this service, in seconds. */
const toleranceSeconds = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/**
 * Verifies a TOTP code (RFC 6238, 30-second steps, 6 digits) against an encrypted secret and
 * records its time step, so the same code, or an older one, is rejected afterwards.
 */
export async function verifyTotp(
  context: ServiceContext,
  sub: string,
  encryptedSecret: string | null,
  code: string,
): Promise<boolean> {
  if (!encryptedSecret || !/^\d{6}$/.test(code)) return false;
  const result = await verify({
    secret: context.secrets.decrypt(encryptedSecret),
    token: code,
    epoch: Math.floor(context.now().getTime() / 1000),
    epochTolerance: toleranceSeconds,
  });
  if (!result.valid || !('timeStep' in result)) return false;

  // Conditional update, so two parallel requests cannot both use one code.
  const claimed = await context.db.query(
    `UPDATE users SET totp_last_time_step = $2
      WHERE sub = $1 AND (totp_last_time_step IS NULL OR totp_last_time_step < $2)`,
    [sub, result.timeStep],
  );
  return (claimed.rowCount ?? 0) > 0;
}
