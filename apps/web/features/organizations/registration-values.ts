import type { OrganizationDetails, Registration } from '../../lib/organizations-api';

/** Registration form values as typed. */
export interface RegistrationValues {
  legalName: string;
  tradingName: string;
  ein: string;
  addressLine: string;
  city: string;
  zip: string;
  phone: string;
  website: string;
  industry: string;
  dutiesAcknowledged: string;
}

/** Industries offered in the form. The API accepts any name, so older records may differ. */
export const INDUSTRIES: readonly { value: string; label: string }[] = [
  'Retail',
  'Grocery',
  'Food service',
  'Hospitality',
  'Recreation and entertainment',
  'Camps and childcare',
  'Office and administration',
  'Healthcare',
  'Landscaping and outdoor work',
  'Other',
].map((name) => ({ value: name, label: name }));

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

export function readRegistrationForm(formData: FormData): RegistrationValues {
  return {
    legalName: text(formData, 'legalName'),
    tradingName: text(formData, 'tradingName'),
    ein: text(formData, 'ein'),
    addressLine: text(formData, 'addressLine'),
    city: text(formData, 'city'),
    zip: text(formData, 'zip'),
    phone: text(formData, 'phone'),
    website: text(formData, 'website'),
    industry: text(formData, 'industry'),
    dutiesAcknowledged: formData.get('dutiesAcknowledged') === 'yes' ? 'yes' : '',
  };
}

/** Form values from an organization's stored details, for correcting a rejected registration. */
export function valuesFromOrganization(organization: OrganizationDetails): RegistrationValues {
  return { ...organization, website: organization.website ?? '', dutiesAcknowledged: '' };
}

/** Writes nine digits typed without the dash as NN-NNNNNNN. */
export function normalizeEin(ein: string): string {
  const digits = ein.replace(/[\s-]/g, '');
  return /^\d{9}$/.test(digits) ? `${digits.slice(0, 2)}-${digits.slice(2)}` : ein;
}

/** Adds https:// to a website typed without a scheme, such as example.com. */
export function normalizeWebsite(website: string): string {
  if (!website || /^https?:\/\//i.test(website)) return website;
  return `https://${website}`;
}

/**
 * Checks the form in the same terms as the API, so most mistakes are shown without a round trip.
 * The API checks everything again, including that the ZIP code is in Ohio.
 */
export function validateRegistration(values: RegistrationValues): {
  registration: Registration | null;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const ein = normalizeEin(values.ein);
  const website = normalizeWebsite(values.website);
  if (values.legalName.length < 2 || values.legalName.length > 200)
    errors.legalName = 'Enter the legal name as the IRS has it.';
  if (values.tradingName.length < 2 || values.tradingName.length > 200)
    errors.tradingName = 'Enter the name students will see.';
  if (!/^\d{2}-\d{7}$/.test(ein)) errors.ein = 'Enter the EIN as 9 digits, for example 12-3456789.';
  if (values.addressLine.length < 3 || values.addressLine.length > 200)
    errors.addressLine = 'Enter the street address.';
  if (values.city.length < 2 || values.city.length > 100) errors.city = 'Enter the city.';
  if (!/^\d{5}$/.test(values.zip)) errors.zip = 'Enter a 5-digit Ohio ZIP code.';
  if (values.phone.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '').length !== 10)
    errors.phone = 'Enter a US phone number with area code, for example 614-555-0100.';
  if (website && !/^https?:\/\/[^\s.]+\.[^\s]+$/i.test(website))
    errors.website = 'Enter a web address such as https://example.com, or leave it empty.';
  if (values.industry.length < 2) errors.industry = 'Choose the industry.';
  if (values.dutiesAcknowledged !== 'yes')
    errors.dutiesAcknowledged = "Confirm the organization's duties under Ohio's minor labor law to continue.";

  if (Object.keys(errors).length > 0) return { registration: null, errors };
  return {
    registration: {
      legalName: values.legalName,
      tradingName: values.tradingName,
      ein,
      addressLine: values.addressLine,
      city: values.city,
      zip: values.zip,
      phone: values.phone,
      website: website || null,
      industry: values.industry,
      dutiesAcknowledged: true,
    },
    errors,
  };
}
