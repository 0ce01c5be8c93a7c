import fastifyMultipart from '@fastify/multipart';
import { AppError } from '../../http/app-error.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams } from '../../http/schema-helpers.ts';
import { FileContent, MAX_FILE_BYTES, StoredFile } from './files.schemas.ts';
import type { FilesService } from './files.service.ts';

/** `filename*=` keeps a Russian name; the ASCII fallback is for old clients. */
function contentDisposition(fileName: string) {
  const ascii = fileName.replace(/[^\w.-]+/g, '_') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function filesRoutes(app: AppInstance, files: FilesService) {
  const tags = ['files'];

  // multipart only in this scope: every other route keeps JSON bodies
  app.register(async (scope: AppInstance) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6 },
      throwFileSizeLimit: true,
    });

    scope.post(
      '/api/files',
      {
        schema: {
          tags,
          summary: 'Upload a file for my organization (multipart: organizationId, file; ≤ 10 MB)',
          description:
            'Accepted: PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS — the extension, the declared type and the first bytes ' +
            'must agree. Larger than 10 MB → 413; another type → 400 file.type_not_allowed.',
          consumes: ['multipart/form-data'],
          response: { 201: StoredFile },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw Object.assign(new Error('multipart expected'), { statusCode: 415 });
        const form: { organizationId?: string; fileName?: string; declaredType?: string; content?: Buffer } = {};
        try {
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              const content = await part.toBuffer();
              if (part.fieldname === 'file' && form.content === undefined) {
                Object.assign(form, { fileName: part.filename, declaredType: part.mimetype, content });
              }
            } else if (part.fieldname === 'organizationId') form.organizationId = String(part.value);
          }
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError('file.too_large', 'too_large');
          throw error;
        }
        return reply.status(201).send(await files.upload(req.actor, form, req.id));
      },
    );
  });

  app.get(
    '/api/files/:id',
    {
      schema: {
        tags,
        summary: 'Download a file (its organization, the operator, experts who declared on its application)',
        description: 'Always as an attachment with its checked type and X-Content-Type-Options: nosniff.',
        params: IdParams,
        response: { 200: FileContent },
      },
    },
    async (req, reply) => {
      const file = await files.download(req.actor, req.params.id);
      return reply
        .header('Content-Disposition', contentDisposition(file.fileName))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .type(file.contentType)
        .send(file.content);
    },
  );
}
