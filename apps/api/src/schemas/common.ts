import { Type } from 'typebox';

export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
});

/** Error responses that every route may return, listed so they appear in the OpenAPI document. */
export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  413: ErrorResponse,
};

export const Uuid = Type.String({ format: 'uuid' });
export const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: '24-hour HH:MM' });

export const Shift = Type.Object(
  {
    day: Type.Integer({ minimum: 0, maximum: 6, description: '0 is Sunday' }),
    start: Time,
    end: Time,
    breakMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
  },
  { additionalProperties: false },
);

export const ListingIdParams = Type.Object({ listingId: Uuid }, { additionalProperties: false });

/** A timestamp: services hand over Date objects, which the serializer writes as ISO 8601. */
export const DateTime = Type.Unsafe<Date | string>(Type.String({ format: 'date-time' }));
