import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, Uuid } from '../schemas/common.ts';
import { DistrictExport } from './district-schemas.ts';

const ExportIdParams = Type.Object({ exportId: Uuid }, { additionalProperties: false });
const queueErrors = { 503: ErrorResponse };

const districtExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/district/exports',
    {
      schema: {
        summary: "Start an export of the district's students and their applications, as a background job",
        body: Type.Object(
          { format: Type.Union([Type.Literal('csv'), Type.Literal('json')]) },
          { additionalProperties: false },
        ),
        response: { 202: DistrictExport, ...errorResponses, ...queueErrors },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await app.services.districtExports.start(request.actor, request.body.format)),
  );

  app.get(
    '/district/exports',
    {
      schema: {
        summary: "The district's 20 newest exports with their progress",
        response: { 200: Type.Object({ exports: Type.Array(DistrictExport) }), ...errorResponses },
      },
    },
    async (request) => ({ exports: await app.services.districtExports.list(request.actor) }),
  );

  app.get(
    '/district/exports/:exportId',
    {
      schema: {
        summary: "One of the district's exports with its progress",
        params: ExportIdParams,
        response: { 200: DistrictExport, ...errorResponses },
      },
    },
    async (request) => app.services.districtExports.get(request.actor, request.params.exportId),
  );

  app.get(
    '/district/exports/:exportId/download',
    {
      schema: {
        summary: 'Download a finished export (CSV or JSON) until its link expires, 24 hours after it finished',
        params: ExportIdParams,
        response: { 200: Type.String({ description: 'The CSV or JSON file' }), ...errorResponses, ...queueErrors },
      },
    },
    async (request, reply) => {
      const download = await app.services.districtExports.download(request.actor, request.params.exportId);
      reply
        .header('content-type', download.contentType)
        .header('content-disposition', `attachment; filename="${download.fileName}"`)
        .header('cache-control', 'no-store');
      if (download.byteSize !== null) reply.header('content-length', download.byteSize);
      // The stream is the file itself; the response schema above only documents it.
      return reply.send(download.stream as unknown as string);
    },
  );
};

export default districtExportRoutes;
