'use server';

import { redirect } from 'next/navigation';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityClientId, identityErrorMessage, identityErrorName } from '../../lib/identity';
import { readSession, saveSession } from '../../lib/session';
import { failedForm, fieldErrorSummary, formText, type FormState } from '../forms/form-state';
import { isValidBirthdate, isValidEmail } from '../auth/validation';

export interface EmployerSignUpValues {
  email: string;
  givenName: string;
  familyName: string;
  birthdate: string;
}

type EmployerSignUpState = FormState<EmployerSignUpValues>;

/** Organizations are registered and run by adults; the API checks this again at registration. */
const MINIMUM_EMPLOYER_AGE = 18;

function isAdult(birthdate: string, today = new Date()): boolean {
  const [year, month, day] = birthdate.split('-').map(Number) as [number, number, number];
  const hadBirthday =
    today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
  return today.getUTCFullYear() - year - (hadBirthday ? 0 : 1) >= MINIMUM_EMPLOYER_AGE;
}

function validate(values: EmployerSignUpValues, password: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isValidEmail(values.email)) errors.email = 'Enter your work email address, for example name@example.com.';
  if (!password) errors.password = 'Enter a password.';
  if (values.givenName.length < 1 || values.givenName.length > 100) errors.givenName = 'Enter your given name.';
  if (values.familyName.length < 1 || values.familyName.length > 100) errors.familyName = 'Enter your family name.';
  if (!isValidBirthdate(values.birthdate)) errors.birthdate = 'Enter your birthdate as a real date.';
  else if (!isAdult(values.birthdate)) {
    errors.birthdate = `You must be ${MINIMUM_EMPLOYER_AGE} or older to hire on ClockIn. Students can sign up on the student page.`;
  }
  return errors;
}

/** Creates an employer account in the identity service, then sends the user to the confirm page. */
export async function signUpEmployer(previous: EmployerSignUpState, formData: FormData): Promise<EmployerSignUpState> {
  const values: EmployerSignUpValues = {
    email: formText(formData, 'email').toLowerCase(),
    givenName: formText(formData, 'givenName'),
    familyName: formText(formData, 'familyName'),
    birthdate: formText(formData, 'birthdate'),
  };
  const password = typeof formData.get('password') === 'string' ? (formData.get('password') as string) : '';
  const fieldErrors = validate(values, password);
  if (Object.keys(fieldErrors).length > 0) {
    return failedForm(previous, fieldErrorSummary(fieldErrors), fieldErrors, values);
  }

  try {
    await identityClient().send(
      new SignUpCommand({
        ClientId: identityClientId(),
        Username: values.email,
        Password: password,
        UserAttributes: [
          { Name: 'email', Value: values.email },
          { Name: 'given_name', Value: values.givenName },
          { Name: 'family_name', Value: values.familyName },
          { Name: 'birthdate', Value: values.birthdate },
          { Name: 'custom:account_type', Value: 'employer' },
        ],
      }),
    );
  } catch (error) {
    return signUpFailure(previous, error, values);
  }

  const session = await readSession();
  await saveSession({ ...session, pendingConfirmationEmail: values.email });
  redirect('/confirm');
}

function signUpFailure(previous: EmployerSignUpState, error: unknown, values: EmployerSignUpValues) {
  const name = identityErrorName(error);
  const message = identityErrorMessage(error);
  switch (name) {
    case 'InvalidPasswordException':
      return failedForm(previous, 'Choose a stronger password.', { password: message }, values);
    case 'UsernameExistsException':
      return failedForm(
        previous,
        'An account with this email already exists.',
        { email: 'An account with this email already exists. Sign in, or reset your password.' },
        values,
      );
    case 'UserLambdaValidationException':
    case 'InvalidParameterException':
      return failedForm(previous, message.replace(/^\w+ failed with error\s*/i, ''), {}, values);
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return failedForm(previous, 'Too many attempts. Wait a few minutes and try again.', {}, values);
    default:
      console.error('Employer sign-up failed.', { error: name ?? message });
      return failedForm(previous, 'We could not create your account. Try again in a few minutes.', {}, values);
  }
}
