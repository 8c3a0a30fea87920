/**
 * Returns whether development-only pages such as /dev/mailbox exist. `next dev` sets NODE_ENV
 * to development. The start script runs `next start`, which always sets NODE_ENV to production,
 * so it passes CLOCKIN_MODE=development at runtime instead.
 */
export function developmentPagesEnabled(): boolean {
  return process.env.NODE_ENV !== 'production' || process.env.CLOCKIN_MODE === 'development';
}
