import { redirect } from 'next/navigation';
import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityErrorMessage, identityErrorName } from '../../lib/identity';
import { accessTokenGroups, mfaRequiredForGroups } from './mfa-policy';

export interface MfaStatus {
  /** Whether sign-in requires a code from an authenticator app (UserMFASettingList contains SOFTWARE_TOKEN_MFA). */
  enabled: boolean;
  /** Whether the authenticator app is the preferred MFA method (PreferredMfaSetting). */
  preferred: boolean;
  /** Whether the user's group requires MFA, so it cannot be turned off. */
  required: boolean;
}

/**
 * Loads the user's MFA settings with GetUser. Returns null when the identity service fails, so the
 * rest of the account page still shows. A rejected access token means the sign-in was revoked, and
 * the user goes to the sign-in page.
 */
export async function readMfaStatus(accessToken: string): Promise<MfaStatus | null> {
  let settings: { UserMFASettingList?: string[]; PreferredMfaSetting?: string };
  try {
    settings = await identityClient().send(new GetUserCommand({ AccessToken: accessToken }));
  } catch (error) {
    const name = identityErrorName(error);
    if (name === 'NotAuthorizedException') redirect('/sign-in?next=/account&reason=session-ended');
    console.error('Loading the MFA settings failed.', { error: name ?? identityErrorMessage(error) });
    return null;
  }

  return {
    enabled: settings.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false,
    preferred: settings.PreferredMfaSetting === 'SOFTWARE_TOKEN_MFA',
    required: mfaRequiredForGroups(accessTokenGroups(accessToken)),
  };
}
