import { invalidParameter } from '../errors.ts';

/** Attributes a caller may set at SignUp, with their maximum lengths. */
const writableAttributes: Record<string, number> = {
  email: 254,
  given_name: 256,
  family_name: 256,
  birthdate: 10,
  'custom:school_id': 64,
  'custom:grade_level': 16,
  'custom:account_type': 16,
};
const accountTypes = new Set(['student', 'employer']);
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Parses Cognito's `[{Name, Value}]` attribute list and checks names, lengths and formats. */
export function parseSignUpAttributes(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value)) throw invalidParameter('Parameter UserAttributes must be a list of {Name, Value}.');
  const attributes: Record<string, string> = {};
  for (const entry of value as unknown[]) {
    const { Name: name, Value: attributeValue } = (entry ?? {}) as { Name?: unknown; Value?: unknown };
    if (typeof name !== 'string' || typeof attributeValue !== 'string') {
      throw invalidParameter('Each entry of UserAttributes needs a string Name and Value.');
    }
    const maxLength = writableAttributes[name];
    if (maxLength === undefined) throw invalidParameter(`Attribute ${name} cannot be set at sign-up.`);
    if (attributeValue.length > maxLength)
      throw invalidParameter(`Attribute ${name} is longer than ${maxLength} characters.`);
    attributes[name] = name === 'email' ? attributeValue.trim() : attributeValue;
  }
  const accountType = attributes['custom:account_type'];
  if (accountType !== undefined && !accountTypes.has(accountType)) {
    throw invalidParameter('Attribute custom:account_type must be student or employer.');
  }
  return attributes;
}

/** Checks that the username is an email address and matches the email attribute, if given. */
export function resolveEmail(username: string, attributes: Record<string, string>): string {
  const email = username.trim();
  if (!emailPattern.test(email) || email.length > 254)
    throw invalidParameter('Username must be a valid email address.');
  if (attributes.email !== undefined && attributes.email.toLowerCase() !== email.toLowerCase()) {
    throw invalidParameter('Attribute email must match Username, because the email address is the username.');
  }
  return email;
}

export function customAttributes(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => name.startsWith('custom:')));
}
