import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-instance.ts';
import { SingleLine, Strict, Uuid } from '../../http/schema-helpers.ts';
import { EXPORT_FORMATS, EXPORT_LISTS, type ExportsService } from './exports.service.ts';

const ExportParams = Type.Object({ list: Type.Enum(EXPORT_LISTS), format: Type.Enum(EXPORT_FORMATS) }, Strict);

/** The filters of the three list routes; each list takes its own (the service refuses a status it does not have). */
const ExportQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 20 })),
    measureId: Type.Optional(Uuid),
    q: Type.Optional(SingleLine(200)),
    kind: Type.Optional(Type.String({ maxLength: 32 })),
    expertId: Type.Optional(Uuid),
    applicationId: Type.Optional(Uuid),
  },
  Strict,
);

export function exportsRoutes(app: AppInstance, exports: ExportsService) {
  app.get(
    '/api/exports/:list.:format',
    {
      schema: {
        tags: ['exports'],
        summary: 'Download a list as CSV or XLSX (operator): measures, applications or reviews, with the list filters',
        description:
          'applications: status (repeatable), measureId, q; measures: status, kind; reviews: status, expertId, ' +
          'applicationId. Headers in the user language; money in rubles with kopecks (ru CSV: `;` and a decimal ' +
          'comma; en CSV: `,` and a decimal point; XLSX: numbers formatted #,##0.00); dates dd.mm.yyyy, Moscow ' +
          'time. CSV is UTF-8 with a BOM. The file streams, read 1000 rows at a time.',
        params: ExportParams,
        querystring: ExportQuery,
      },
    },
    (req, reply) => {
      const file = exports.export(req.actor, req.params.list, req.params.format, req.query, req.lang);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
