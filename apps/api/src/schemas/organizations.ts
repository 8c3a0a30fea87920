import { Type } from 'typebox';

/** The registration form, also used to correct a rejected registration. */
export const OrganizationBody = Type.Object(
  {
    legalName: Type.String({ minLength: 2, maxLength: 200, description: 'Name on the IRS records' }),
    tradingName: Type.String({ minLength: 2, maxLength: 200, description: 'Name students see' }),
    ein: Type.String({ pattern: '^[0-9]{2}-[0-9]{7}$', description: 'Employer Identification Number, NN-NNNNNNN' }),
    addressLine: Type.String({ minLength: 3, maxLength: 200 }),
    city: Type.String({ minLength: 2, maxLength: 100 }),
    zip: Type.String({ pattern: '^[0-9]{5}$', description: 'An Ohio ZIP code' }),
    phone: Type.String({ minLength: 10, maxLength: 30, description: 'US phone number with 10 digits' }),
    website: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    industry: Type.String({ minLength: 2, maxLength: 100 }),
    dutiesAcknowledged: Type.Boolean({
      description: "Must be true: the admin confirms the organization's duties under Ohio's minor labor law",
    }),
  },
  { additionalProperties: false },
);

export const OrganizationDetailsView = Type.Object({
  legalName: Type.String(),
  tradingName: Type.String(),
  ein: Type.String(),
  addressLine: Type.String(),
  city: Type.String(),
  zip: Type.String(),
  phone: Type.String(),
  website: Type.Union([Type.String(), Type.Null()]),
  industry: Type.String(),
});

export const OrganizationRole = Type.Union([Type.Literal('admin'), Type.Literal('member')]);

/** An emailed invitation token: 32 random bytes in base64url. */
export const InvitationToken = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });
