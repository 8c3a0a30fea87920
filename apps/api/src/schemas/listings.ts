import { LISTING_CATEGORIES, type ListingCategory as ListingCategoryName } from '@clockin/db';
import { Type } from 'typebox';
import { DateTime, Shift, Uuid } from './common.ts';
import { Duties, LaborSummary, MinimumAge } from './labor.ts';

export const ListingCategory = Type.Unsafe<ListingCategoryName>(
  Type.String({
    enum: [...LISTING_CATEGORIES],
    description: "Kind of work, from a fixed list; a new listing without one gets 'other'",
  }),
);

export const ListingSeason = Type.Union([Type.Literal('school-year'), Type.Literal('summer'), Type.Literal('both')], {
  description: "When the work happens; a new listing without one gets 'both'",
});

export const ListingStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('submitted'),
  Type.Literal('published'),
  Type.Literal('rejected'),
  Type.Literal('closed'),
  Type.Literal('filled'),
  Type.Literal('expired'),
]);

const DateOnly = Type.String({ format: 'date' });

/** The fields an employer writes. Optional ones take a default on create and keep their value on edit. */
const listingFields = {
  title: Type.String({ minLength: 3, maxLength: 120 }),
  description: Type.String({ minLength: 10, maxLength: 5000 }),
  payMinCents: Type.Integer({ minimum: 100, maximum: 100_000_00 }),
  payMaxCents: Type.Union([Type.Integer({ minimum: 100, maximum: 100_000_00 }), Type.Null()]),
  payUnit: Type.Union([Type.Literal('hour'), Type.Literal('shift'), Type.Literal('week')]),
  addressLine: Type.String({ minLength: 3, maxLength: 200 }),
  city: Type.String({ minLength: 2, maxLength: 100 }),
  zip: Type.String({ pattern: '^[0-9]{5}$' }),
  schedule: Type.Array(Shift, { minItems: 1, maxItems: 21 }),
  duties: Type.Optional(Duties),
  minimumAge: Type.Optional(MinimumAge),
  startsOn: Type.Optional(
    Type.String({ format: 'date', description: 'First day of work; defaults to today; not in the past' }),
  ),
  category: Type.Optional(ListingCategory),
  season: Type.Optional(ListingSeason),
  positions: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'Openings; defaults to 1' })),
  closingDate: Type.Optional(
    Type.Union([DateOnly, Type.Null()], {
      description:
        'Last day that takes applications; not in the past. Listings close 60 days after first publication at the latest.',
    }),
  ),
};

export const ListingBody = Type.Object(listingFields, { additionalProperties: false });

export const NewListingBody = Type.Object(
  {
    ...listingFields,
    draft: Type.Optional(
      Type.Boolean({ description: 'Save without submitting for review; submit later. Defaults to false.' }),
    ),
  },
  { additionalProperties: false },
);

export const SavedListing = Type.Object({ id: Uuid, status: ListingStatus });

export const EmployerListingSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  status: ListingStatus,
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  city: Type.String(),
  zip: Type.String(),
  createdAt: DateTime,
  publishedAt: Type.Union([DateTime, Type.Null()]),
  applicationCount: Type.Integer(),
  minimumAge: Type.Integer(),
  startsOn: Type.Union([DateOnly, Type.Null()]),
  laborSummary: Type.Union([LaborSummary, Type.Null()]),
  category: ListingCategory,
  season: ListingSeason,
  positions: Type.Integer(),
  closingDate: Type.Union([DateOnly, Type.Null()]),
  submittedAt: Type.Union([DateTime, Type.Null()]),
  closedAt: Type.Union([DateTime, Type.Null()]),
});

export const EmployerListingDetail = Type.Object({
  id: Uuid,
  status: ListingStatus,
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  description: Type.String(),
  category: ListingCategory,
  season: ListingSeason,
  positions: Type.Integer(),
  payMinCents: Type.Integer(),
  payMaxCents: Type.Union([Type.Integer(), Type.Null()]),
  payUnit: Type.String(),
  addressLine: Type.String(),
  city: Type.String(),
  zip: Type.String(),
  schedule: Type.Array(Shift),
  duties: Type.Array(Type.String()),
  minimumAge: Type.Integer(),
  startsOn: Type.Union([DateOnly, Type.Null()]),
  closingDate: Type.Union([DateOnly, Type.Null()]),
  laborSummary: Type.Union([LaborSummary, Type.Null()]),
  createdAt: DateTime,
  submittedAt: Type.Union([DateTime, Type.Null()]),
  publishedAt: Type.Union([DateTime, Type.Null()]),
  firstPublishedAt: Type.Union([DateTime, Type.Null()]),
  closedAt: Type.Union([DateTime, Type.Null()]),
});

export const PublishedListing = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  employerName: Type.String(),
  organizationId: Uuid,
  category: ListingCategory,
  season: ListingSeason,
  positions: Type.Integer(),
  payMinCents: Type.Integer(),
  payMaxCents: Type.Union([Type.Integer(), Type.Null()]),
  payUnit: Type.String(),
  hourlyPayCents: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The lowest pay per hour worked that the listing guarantees, in cents',
  }),
  city: Type.String(),
  zip: Type.String(),
  schedule: Type.Array(Shift),
  duties: Type.Array(Type.String()),
  minimumAge: Type.Integer(),
  startsOn: Type.Union([DateOnly, Type.Null()]),
  closingDate: Type.Union([DateOnly, Type.Null()]),
  closesAt: DateTime,
  laborSummary: Type.Union([LaborSummary, Type.Null()]),
  publishedAt: DateTime,
  distanceMiles: Type.Union([Type.Number(), Type.Null()], {
    description: "Miles from the search's ZIP code, to one decimal; null without a zip",
  }),
});
