import type { Operation } from '../context.ts';
import * as admin from './admin.ts';
import * as auth from './auth.ts';
import * as mfa from './mfa.ts';
import * as password from './password.ts';
import * as signUp from './sign-up.ts';
import * as user from './user.ts';

/** Operations by the name in `X-Amz-Target: AWSCognitoIdentityProviderService.<name>`. */
export const operations: Record<string, Operation> = {
  SignUp: signUp.signUp,
  ConfirmSignUp: signUp.confirmSignUp,
  ResendConfirmationCode: signUp.resendConfirmationCode,
  InitiateAuth: auth.initiateAuth,
  RespondToAuthChallenge: auth.respondToAuthChallenge,
  GetTokensFromRefreshToken: auth.getTokensFromRefreshToken,
  RevokeToken: auth.revokeToken,
  GlobalSignOut: auth.globalSignOut,
  AssociateSoftwareToken: mfa.associateSoftwareToken,
  VerifySoftwareToken: mfa.verifySoftwareToken,
  SetUserMFAPreference: mfa.setUserMfaPreference,
  ForgotPassword: password.forgotPassword,
  ConfirmForgotPassword: password.confirmForgotPassword,
  ChangePassword: password.changePassword,
  GetUser: user.getUser,
  DeleteUser: user.deleteUser,
  UpdateUserAttributes: user.updateUserAttributes,
  AdminGetUser: admin.adminGetUser,
  AdminConfirmSignUp: admin.adminConfirmSignUp,
  AdminAddUserToGroup: admin.adminAddUserToGroup,
  AdminRemoveUserFromGroup: admin.adminRemoveUserFromGroup,
  AdminDisableUser: admin.adminDisableUser,
  AdminEnableUser: admin.adminEnableUser,
  AdminDeleteUser: admin.adminDeleteUser,
  AdminUserGlobalSignOut: admin.adminUserGlobalSignOut,
  AdminSetUserPassword: admin.adminSetUserPassword,
  AdminListUserAuthEvents: admin.adminListUserAuthEvents,
  AdminSetUserMFAPreference: admin.adminSetUserMfaPreference,
};
