-- User accounts, groups and one-time codes. Usernames are lower-cased email addresses.
CREATE TABLE identity.users (
  sub uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  email text NOT NULL,
  email_verified boolean NOT NULL DEFAULT false,
  given_name text,
  family_name text,
  birthdate date NOT NULL,
  -- Keys keep Cognito's 'custom:' prefix, for example {"custom:school_id": "..."}.
  custom_attributes jsonb NOT NULL DEFAULT '{}',
  -- argon2id PHC string of the NFKC-normalised password.
  password_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('UNCONFIRMED', 'CONFIRMED')),
  enabled boolean NOT NULL DEFAULT true,
  -- TOTP secrets are AES-256-GCM ciphertext; the pending one awaits VerifySoftwareToken.
  totp_secret text,
  totp_pending_secret text,
  -- Last accepted TOTP time step, so a code cannot be used twice.
  totp_last_time_step bigint,
  mfa_enabled boolean NOT NULL DEFAULT false,
  -- Access tokens issued before this time are rejected (global sign-out, password change).
  tokens_valid_after timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE identity.groups (
  name text PRIMARY KEY,
  -- Members must enrol in TOTP MFA before they receive tokens, and cannot turn it off.
  requires_mfa boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO identity.groups (name, requires_mfa)
VALUES ('employer-admin', true), ('district-admin', true), ('staff', true);

CREATE TABLE identity.user_groups (
  sub uuid NOT NULL REFERENCES identity.users (sub) ON DELETE CASCADE,
  group_name text NOT NULL REFERENCES identity.groups (name) ON DELETE CASCADE,
  PRIMARY KEY (sub, group_name)
);

-- Emailed six-digit codes, stored as HMAC-SHA256 digests under a server key.
CREATE TABLE identity.codes (
  sub uuid NOT NULL REFERENCES identity.users (sub) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('confirm-sign-up', 'reset-password')),
  code_digest text NOT NULL,
  expires_at timestamptz NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (sub, purpose)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON identity.users TO clockin_identity;
GRANT SELECT, INSERT ON identity.groups TO clockin_identity;
GRANT SELECT, INSERT, DELETE ON identity.user_groups TO clockin_identity;
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.codes TO clockin_identity;
