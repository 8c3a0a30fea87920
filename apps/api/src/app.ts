import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createDatabase } from '@clockin/db';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ApiConfig } from './config.ts';
import { loggerOptions } from './logging.ts';
import { AccountJobSender, jobQueueError } from './jobs/account-jobs.ts';
import { DistrictExportQueue } from './jobs/queue.ts';
import { RevocationList } from './revocations.ts';
import authentication from './plugins/auth.ts';
import errorHandling from './plugins/errors.ts';
import accountRoutes from './routes/account.ts';
import devRoutes from './routes/dev.ts';
import districtRoutes from './routes/district.ts';
import districtExportRoutes from './routes/district-exports.ts';
import employerRoutes from './routes/employer.ts';
import employerListingRoutes from './routes/employer-listings.ts';
import employerProfileRoutes from './routes/employers.ts';
import healthRoutes from './routes/health.ts';
import laborRoutes from './routes/labor.ts';
import listingRoutes from './routes/listings.ts';
import schoolRoutes from './routes/schools.ts';
import sessionRoutes from './routes/sessions.ts';
import staffRoutes from './routes/staff.ts';
import staffDistrictRoutes from './routes/staff-districts.ts';
import studentRoutes from './routes/students.ts';
import invitationRoutes from './routes/invitations.ts';
import organizationTeamRoutes from './routes/organization-team.ts';
import organizationRoutes from './routes/organizations.ts';
import staffVerificationRoutes from './routes/staff-verifications.ts';
import applicationRoutes from './routes/applications.ts';
import messageRoutes from './routes/messages.ts';
import reportRoutes from './routes/reports.ts';
import staffReportRoutes from './routes/staff-reports.ts';
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
    /** Record revocations here so that this process refuses older tokens at once. */
    revocations: RevocationList;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export interface BuildOptions {
  logLevel?: string;
  /** Replaces the logger's destination, for tests that read every log line. */
  logStream?: NodeJS.WritableStream;
  /** How long a user's revocation time is cached, in milliseconds. */
  revocationCacheMs?: number;
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
  const revocations = new RevocationList(db, options.revocationCacheMs);
  app.decorate('revocations', revocations);
  const exportQueue = config.districtExports
    ? new DistrictExportQueue(config.districtExports.jobsDatabaseUrl, (error) =>
        app.log.error({ error: jobQueueError(error) }, 'job queue error'),
      )
    : null;
  const accountJobs = config.accounts
    ? new AccountJobSender(config.accounts.jobsDatabaseUrl, (error) =>
        app.log.error({ error: jobQueueError(error) }, 'job queue error'),
      )
    : null;
  app.decorate('services', createServices(db, identity, config, revocations, exportQueue, accountJobs));
  app.services.notifications.logger = app.log;
  app.addHook('onClose', async () => {
    await exportQueue?.stop();
    await accountJobs?.stop();
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
  // The API serves JSON only, so its pages may load nothing and be framed by no one.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'ClockIn API', version: '1.0.0', description: 'Jobs for Ohio students aged 15 to 20.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
  });
  await app.register(authentication, { config, revocations });

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
      await v1.register(employerListingRoutes);
      await v1.register(employerProfileRoutes);
      await v1.register(staffRoutes);
      await v1.register(sessionRoutes);
      await v1.register(accountRoutes);
      await v1.register(districtRoutes);
      await v1.register(districtExportRoutes);
      await v1.register(staffDistrictRoutes);
      await v1.register(organizationRoutes);
      await v1.register(organizationTeamRoutes);
      await v1.register(invitationRoutes);
      await v1.register(staffVerificationRoutes);
      await v1.register(applicationRoutes);
      await v1.register(messageRoutes);
      await v1.register(reportRoutes);
      await v1.register(staffReportRoutes);
      if (config.development) await v1.register(devRoutes);
      v1.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/v1' },
  );
  return app;
}
