-- The identity service's schema. Only clockin_identity reads or writes it: the application's
-- runtime role has no USAGE here, so passwords and MFA secrets are out of its reach.
CREATE SCHEMA identity;
REVOKE ALL ON SCHEMA identity FROM PUBLIC;
GRANT USAGE ON SCHEMA identity TO clockin_identity;
