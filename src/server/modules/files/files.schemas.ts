import { Type } from 'typebox';
import { Uuid } from '../../http/schema-helpers.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const StoredFile = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String({ description: 'checked against the extension and the first bytes; never text/html' }),
  sizeBytes: Type.Integer(),
});

export const FileContent = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });
