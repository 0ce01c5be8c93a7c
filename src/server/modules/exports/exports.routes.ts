import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-instance.ts';
import { DateString, SingleLine, Strict, Uuid } from '../../http/schema-helpers.ts';
import { EXPORT_FORMATS, EXPORT_LISTS, type ExportsService } from './exports.service.ts';

const ExportParams = Type.Object({ list: Type.Enum(EXPORT_LISTS), format: Type.Enum(EXPORT_FORMATS) }, Strict);

/**
 * The filters of every list; each list takes its own and ignores the rest (the service refuses a status, kind or
 * other choice the list does not have).
 */
const ExportQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 20 })),
    measureId: Type.Optional(Uuid),
    q: Type.Optional(SingleLine(200)),
    kind: Type.Optional(Type.String({ maxLength: 32 })),
    expertId: Type.Optional(Uuid),
    applicationId: Type.Optional(Uuid),
    organizationId: Type.Optional(Uuid),
    requestId: Type.Optional(Uuid),
    customerId: Type.Optional(Uuid),
    technology: Type.Optional(Type.String({ maxLength: 32 })),
    district: Type.Optional(Type.String({ maxLength: 16 })),
    joint: Type.Optional(Type.Boolean()),
    counted: Type.Optional(Type.Boolean()),
    period: Type.Optional(Type.String({ maxLength: 8 })),
    by: Type.Optional(Type.String({ maxLength: 16 })),
    of: Type.Optional(Type.String({ maxLength: 16 })),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
  },
  Strict,
);

export function exportsRoutes(app: AppInstance, exports: ExportsService) {
  app.get(
    '/api/exports/:list.:format',
    {
      schema: {
        tags: ['exports'],
        summary: 'Download an operator list or the dashboard figures as CSV or XLSX (operator), with the list filters',
        description:
          'Filters by list (status repeatable): applications: status, measureId, q; measures: status, kind; ' +
          'reviews: status, expertId, applicationId; requests: status, kind (corporate|city), q, organizationId ' +
          '(customer), technology; solutions: status, requestId, organizationId; pilots: status, requestId, ' +
          'organizationId (company or customer); projects: status, q, technology, joint, district, organizationId ' +
          '(lead); deals: status, organizationId (either side), counted (counted as investment attracted); ' +
          'membership (cluster applications): status, kind (participant|partner), q (name, INN or OGRN); ' +
          'organizations: status (membership status or none), kind, q, technology, district; kpis: the headline ' +
          'figures with their counting rules; series: period (month|year); breakdowns: by, of; funnels: from, to, ' +
          'measureId, customerId, technology. Headers in the user language; money in rubles with kopecks (ru CSV: ' +
          '`;` and a decimal comma; en CSV: `,` and a decimal point; XLSX: numbers formatted #,##0.00); dates ' +
          'dd.mm.yyyy, Moscow time. CSV is UTF-8 with a BOM. The file streams, read 1000 rows at a time.',
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
