import type { FastifyError, FastifyInstance } from 'fastify';
import type { ServiceContext } from './context.ts';
import { CognitoError } from './errors.ts';
import { operations } from './operations/index.ts';

/** Maximum request body, in bytes. Larger bodies get HTTP 413. */
export const bodyLimit = 64 * 1024;
const targetPrefix = 'AWSCognitoIdentityProviderService.';
const sigV4Authorization = /^AWS4-HMAC-SHA256 Credential=\S+, ?SignedHeaders=\S+, ?Signature=[0-9a-f]+$/;

function errorBody(type: string, message: string) {
  return { __type: type, message };
}

/**
 * Registers Cognito's JSON protocol: `POST /` dispatched on X-Amz-Target, JSON bodies in
 * application/x-amz-json-1.1, and errors as `{"__type", "message"}` without internals.
 */
export function registerOperationRoute(app: FastifyInstance, context: ServiceContext): void {
  app.addContentTypeParser(
    ['application/x-amz-json-1.1', 'application/json'],
    { parseAs: 'string' },
    (_request, body, done) => {
      try {
        done(null, body === '' ? {} : JSON.parse(body as string));
      } catch {
        done(new CognitoError('SerializationException', 'The request body is not valid JSON.'), undefined);
      }
    },
  );

  app.setErrorHandler((error: FastifyError | CognitoError, request, reply) => {
    if (error instanceof CognitoError) {
      request.log.info({ errorType: error.type }, 'Operation failed');
      return reply.status(error.statusCode).send(errorBody(error.type, error.message));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send(errorBody('RequestEntityTooLargeException', `The request body is larger than ${bodyLimit} bytes.`));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody('InvalidParameterException', error.message));
    }
    // Only the error's type and message: pg puts row values in `detail`, which is left out.
    request.log.error(
      { err: { type: error.name, message: error.message, code: error.code } },
      'Operation failed unexpectedly',
    );
    return reply.status(500).send(errorBody('InternalErrorException', 'Internal error. Try again later.'));
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-amzn-requestid', request.id);
  });

  app.post('/', async (request, reply) => {
    const target = request.headers['x-amz-target'];
    const name = typeof target === 'string' && target.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : '';
    const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
    if (!operation) {
      throw new CognitoError(
        'UnknownOperationException',
        'Unknown operation: set X-Amz-Target to a supported Cognito operation.',
      );
    }
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new CognitoError('SerializationException', 'The request body must be a JSON object.');
    }
    // Fastify writes "request completed" with reply.log, so both carry the operation name.
    request.log = request.log.child({ operation: name });
    reply.log = request.log;
    const authorization = request.headers.authorization;
    const result = await operation(context, body as Record<string, unknown>, {
      clientAddress: request.ip,
      signed: typeof authorization === 'string' && sigV4Authorization.test(authorization),
      log: request.log,
    });
    reply.header('content-type', 'application/x-amz-json-1.1');
    return result;
  });
}
