/**
 * Groups whose members must use TOTP MFA. The identity service enforces the rule: its groups table
 * marks these groups requires_mfa, and SetUserMFAPreference rejects turning MFA off for them. The
 * web app uses the list only to decide which controls to show.
 */
export const MFA_REQUIRED_GROUPS: readonly string[] = ['employer-admin', 'district-admin', 'staff'];

export function mfaRequiredForGroups(groups: readonly string[]): boolean {
  return groups.some((group) => MFA_REQUIRED_GROUPS.includes(group));
}

/**
 * Reads the `cognito:groups` claim of an access token without checking its signature. The token
 * comes from the session cookie that only this server writes, and the result only chooses what to
 * show. The identity service and the API verify the token for every decision that matters. A token
 * that cannot be read yields no groups.
 */
export function accessTokenGroups(accessToken: string): string[] {
  const payload = accessToken.split('.')[1];
  if (!payload) return [];
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const groups = claims['cognito:groups'];
    return Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [];
  } catch {
    return [];
  }
}
