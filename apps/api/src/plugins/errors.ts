import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, errorStatus, type ErrorName } from '../errors.ts';

interface ErrorBody {
  statusCode: number;
  error: ErrorName;
  message: string;
  field?: string;
}

/** Turns a schema validation error into the field path and a readable reason. */
function describeValidation(error: FastifyError): { field: string; message: string } {
  const first = error.validation?.[0];
  const context = error.validationContext ?? 'body';
  if (!first) return { field: context, message: error.message };
  const params = first.params as Record<string, unknown>;
  const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing = typeof params.missingProperty === 'string' ? params.missingProperty : null;
  const field = [path, missing].filter(Boolean).join('.') || context;
  const reason = missing ? 'is required' : (first.message ?? 'is invalid');
  return { field, message: `${field} ${reason}.` };
}

/**
 * Shapes every error response in one place. Expected errors log at info. Anything else logs
 * at error and returns a 500 whose body carries no internals.
 */
export default fp(async function errorHandling(app: FastifyInstance) {
  app.setErrorHandler<FastifyError | AppError>((error, request, reply) => {
    let body: ErrorBody;
    if (error instanceof AppError) {
      body = { statusCode: error.statusCode, error: error.errorName, message: error.message };
      if (error.field) body.field = error.field;
    } else if ('validation' in error && error.validation) {
      const { field, message } = describeValidation(error);
      body = { statusCode: 400, error: 'ValidationError', message, field };
    } else if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      body = { statusCode: 413, error: 'PayloadTooLarge', message: 'The request body is too large.' };
    } else if (error.statusCode === 429) {
      body = { statusCode: 429, error: 'TooManyRequests', message: 'Too many requests. Try again in a minute.' };
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, a wrong content type and the like: the client's fault, described plainly.
      body = {
        statusCode: 400,
        error: 'ValidationError',
        message: 'The request could not be read. Send valid JSON.',
        field: 'body',
      };
    } else {
      request.log.error({ err: error }, 'request failed');
      body = { statusCode: 500, error: 'InternalError', message: 'Something went wrong on our side. Try again later.' };
      return reply.status(500).send(body);
    }
    request.log.info({ error: body.error, statusCode: body.statusCode }, 'request rejected');
    return reply.status(errorStatus[body.error]).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      statusCode: 404,
      error: 'NotFound',
      message: `No route matches ${request.method} ${request.url.split('?')[0]}.`,
    });
  });
});
