import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createDatabase } from '@clockin/db';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ApiConfig } from './config.ts';
import { loggerOptions } from './logging.ts';
import authentication from './plugins/auth.ts';
import errorHandling from './plugins/errors.ts';
import devRoutes from './routes/dev.ts';
import employerRoutes from './routes/employer.ts';
import healthRoutes from './routes/health.ts';
import laborRoutes from './routes/labor.ts';
import listingRoutes from './routes/listings.ts';
import schoolRoutes from './routes/schools.ts';
import staffRoutes from './routes/staff.ts';
import studentRoutes from './routes/students.ts';
import { resolveActor, type Actor } from './services/actors.ts';
import { createServices, type Services } from './services/index.ts';

/** A registered route, for tests that sweep every route. */
export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export interface BuildOptions {
  logLevel?: string;
  /** Replaces the logger's destination, for tests that read every log line. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApi(config: ApiConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const logger = loggerOptions(options.logLevel ?? 'info');
  const app = Fastify({
    logger: options.logStream ? { ...logger, stream: options.logStream } : logger,
    bodyLimit: 64 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdLogLabel: 'requestId',
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const db = createDatabase(config.databaseUrl);
  const identity = new CognitoIdentityProviderClient({
    region: config.region,
    ...(config.identityEndpoint
      ? { endpoint: config.identityEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  app.decorate('services', createServices(db, identity, config));
  app.addHook('onClose', async () => {
    identity.destroy();
    await db.destroy();
  });

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, public: route.config?.public === true });
    }
  });

  await app.register(errorHandling);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'ClockIn API', version: '1.0.0', description: 'Jobs for Ohio students aged 15 to 20.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
  });
  await app.register(authentication, config);

  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('preHandler', async (request) => {
    request.actor = await resolveActor(db, request.caller, request.id);
    request.log = request.log.child({
      organizationId: request.actor.context.organizationId ?? undefined,
      action: `${request.method} ${request.routeOptions.url}`,
    });
  });

  await app.register(healthRoutes);
  await app.register(
    async (v1) => {
      await v1.register(schoolRoutes);
      await v1.register(listingRoutes);
      await v1.register(laborRoutes);
      await v1.register(studentRoutes);
      await v1.register(employerRoutes);
      await v1.register(staffRoutes);
      if (config.development) await v1.register(devRoutes);
      v1.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/v1' },
  );
  return app;
}
