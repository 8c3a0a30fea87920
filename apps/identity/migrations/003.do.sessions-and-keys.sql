-- Token signing keys, refresh-token chains, sign-in challenge sessions and back-off counters.
CREATE TABLE identity.signing_keys (
  kid text PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('next', 'current', 'retired')),
  public_jwk jsonb NOT NULL,
  -- PKCS#8 PEM encrypted with AES-256-GCM.
  private_key_encrypted text NOT NULL,
  created_at timestamptz NOT NULL,
  retired_at timestamptz
);
CREATE UNIQUE INDEX signing_keys_one_current ON identity.signing_keys (status) WHERE status IN ('current', 'next');

-- One chain per sign-in. Its id is the tokens' origin_jti, and its expiry never moves.
CREATE TABLE identity.refresh_chains (
  id uuid PRIMARY KEY,
  sub uuid NOT NULL REFERENCES identity.users (sub) ON DELETE CASCADE,
  client_id text NOT NULL,
  auth_time timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_reason text,
  created_at timestamptz NOT NULL
);
CREATE INDEX refresh_chains_sub ON identity.refresh_chains (sub);

-- Refresh tokens are stored as SHA-256 digests. A token with used_at set was rotated away.
CREATE TABLE identity.refresh_tokens (
  token_digest text PRIMARY KEY,
  chain_id uuid NOT NULL REFERENCES identity.refresh_chains (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX refresh_tokens_chain ON identity.refresh_tokens (chain_id);

-- Sessions handed out with MFA challenges, stored as SHA-256 digests.
CREATE TABLE identity.auth_sessions (
  session_digest text PRIMARY KEY,
  sub uuid NOT NULL REFERENCES identity.users (sub) ON DELETE CASCADE,
  challenge text NOT NULL CHECK (challenge IN ('MFA_SETUP', 'SOFTWARE_TOKEN_MFA')),
  mfa_setup_verified boolean NOT NULL DEFAULT false,
  failed_attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);

-- Event counters for back-off: failed sign-ins per account and per client address, and
-- code emails per username. Keys are SHA-256 digests, so no email address is stored here.
CREATE TABLE identity.throttles (
  key_digest text PRIMARY KEY,
  events integer NOT NULL,
  last_event_at timestamptz NOT NULL,
  blocked_until timestamptz
);

GRANT SELECT, INSERT, UPDATE ON identity.signing_keys TO clockin_identity;
GRANT SELECT, INSERT, UPDATE ON identity.refresh_chains TO clockin_identity;
GRANT SELECT, INSERT, UPDATE ON identity.refresh_tokens TO clockin_identity;
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.auth_sessions TO clockin_identity;
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.throttles TO clockin_identity;
