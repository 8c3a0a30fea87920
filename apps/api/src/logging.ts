import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * Configures log redaction, in this one place. Request logs carry the method and the path
 * without its query string; bodies, headers, tokens and personal data are never logged.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.email',
        '*.givenName',
        '*.familyName',
        '*.birthdate',
        '*.message',
        '*.accessToken',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, path: request.url.split('?')[0] }),
    },
  };
}
