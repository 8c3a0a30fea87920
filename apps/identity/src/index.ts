export { buildIdentityServer, type IdentityServerOptions } from './server.ts';
export type { RevocationEvent } from './context.ts';
export { rotateSigningKeys } from './signing-keys.ts';
export { identityMigrations } from './migrations.ts';
export {
  minimumAgeYears,
  minimumAgeMessage,
  createPreSignUpHandler,
  type PreSignUpEvent,
} from './triggers/pre-sign-up.ts';
