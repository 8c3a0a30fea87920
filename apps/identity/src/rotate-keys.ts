import { rotateSigningKeys } from './signing-keys.ts';

// Rotates the token signing keys: `npm run identity:rotate-keys`. Reads the clockin_identity
// connection URL from CLOCKIN_IDENTITY_DATABASE_URL and the 32-byte base64 encryption key from
// CLOCKIN_IDENTITY_ENCRYPTION_KEY.

const databaseUrl = process.env.CLOCKIN_IDENTITY_DATABASE_URL;
if (!databaseUrl) {
  console.error('Missing CLOCKIN_IDENTITY_DATABASE_URL: set it to the clockin_identity connection URL.');
  process.exit(1);
}
await rotateSigningKeys(databaseUrl);
console.log('Rotated the identity signing keys. The retired key stays published until its tokens expire.');
