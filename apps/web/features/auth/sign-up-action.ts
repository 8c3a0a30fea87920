'use server';

import { redirect } from 'next/navigation';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityClientId, identityErrorMessage, identityErrorName } from '../../lib/identity';
import { readSession, saveSession } from '../../lib/session';
import { failedForm, fieldErrorSummary, formText, type FormState } from '../forms/form-state';
import { GRADE_LEVEL_VALUES, isValidBirthdate, isValidEmail, UNDER_AGE_MESSAGE } from './validation';

export interface SignUpValues {
  email: string;
  givenName: string;
  familyName: string;
  birthdate: string;
  schoolId: string;
  schoolName: string;
  gradeLevel: string;
}

type SignUpState = FormState<SignUpValues>;

function readSignUpValues(formData: FormData): SignUpValues {
  return {
    email: formText(formData, 'email').toLowerCase(),
    givenName: formText(formData, 'givenName'),
    familyName: formText(formData, 'familyName'),
    birthdate: formText(formData, 'birthdate'),
    schoolId: formText(formData, 'schoolId'),
    schoolName: formText(formData, 'schoolName'),
    gradeLevel: formText(formData, 'gradeLevel'),
  };
}

function validateSignUp(values: SignUpValues, password: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isValidEmail(values.email)) errors.email = 'Enter your email address, for example name@example.com.';
  if (!password) errors.password = 'Enter a password.';
  if (values.givenName.length < 1 || values.givenName.length > 100) errors.givenName = 'Enter your given name.';
  if (values.familyName.length < 1 || values.familyName.length > 100) errors.familyName = 'Enter your family name.';
  if (!isValidBirthdate(values.birthdate)) errors.birthdate = 'Enter your birthdate as a real date.';
  if (!values.schoolId) errors.schoolId = 'Choose your school from the list that appears as you type.';
  if (!GRADE_LEVEL_VALUES.includes(values.gradeLevel)) errors.gradeLevel = 'Choose your grade level.';
  return errors;
}

/** Creates a student account in the identity service, then sends the user to the confirm page. */
export async function signUp(previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const values = readSignUpValues(formData);
  const password = typeof formData.get('password') === 'string' ? (formData.get('password') as string) : '';

  const fieldErrors = validateSignUp(values, password);
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
          { Name: 'custom:school_id', Value: values.schoolId },
          { Name: 'custom:grade_level', Value: values.gradeLevel },
          { Name: 'custom:account_type', Value: 'student' },
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

function signUpFailure(previous: SignUpState, error: unknown, values: SignUpValues): SignUpState {
  const name = identityErrorName(error);
  const message = identityErrorMessage(error);

  switch (name) {
    case 'UserLambdaValidationException':
      if (/\b15\b|age|old/i.test(message)) {
        // The identity service stored nothing. Drop the birthdate so it is not shown again.
        return failedForm(previous, UNDER_AGE_MESSAGE, {}, { ...values, birthdate: '' });
      }
      return failedForm(previous, message.replace(/^\w+ failed with error\s*/i, ''), {}, values);
    case 'InvalidPasswordException':
      return failedForm(previous, 'Choose a stronger password.', { password: message }, values);
    case 'UsernameExistsException':
      return failedForm(
        previous,
        'An account with this email already exists.',
        { email: 'An account with this email already exists. Sign in, or reset your password.' },
        values,
      );
    case 'InvalidParameterException':
      return failedForm(previous, message, {}, values);
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return failedForm(previous, 'Too many attempts. Wait a few minutes and try again.', {}, values);
    default:
      console.error('Sign-up failed.', { error: name ?? message });
      return failedForm(previous, 'We could not create your account. Try again in a few minutes.', {}, values);
  }
}
