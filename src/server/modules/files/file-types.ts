// Which uploads are accepted, pure: the extension, the declared type and the first bytes must all agree.
// Nothing that a browser could render as a page or run (HTML, SVG, JavaScript) is ever accepted; plain
// text is left out too, since it carries no signature that would tell it from HTML.

export interface FileType {
  /** the content type stored and sent back, whatever the client declared */
  contentType: string;
  extensions: readonly string[];
  /** other names clients use for the same type */
  aliases?: readonly string[];
  matches(head: Buffer): boolean;
}

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const isZip = (head: Buffer) => startsWith(head, ZIP);
/** OpenDocument: a ZIP whose first entry is the uncompressed `mimetype` file naming the type. */
const isOpenDocument = (mime: string) => (head: Buffer) =>
  isZip(head) &&
  head.subarray(30, 38).toString('latin1') === 'mimetype' &&
  head.subarray(38, 38 + mime.length).toString('latin1') === mime;

const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';

export const FILE_TYPES: readonly FileType[] = [
  {
    contentType: 'application/pdf',
    extensions: ['pdf'],
    matches: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  {
    contentType: 'image/png',
    extensions: ['png'],
    matches: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    contentType: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    aliases: ['image/pjpeg'],
    matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]),
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    matches: isZip,
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    matches: isZip,
  },
  { contentType: ODT, extensions: ['odt'], matches: isOpenDocument(ODT) },
  { contentType: ODS, extensions: ['ods'], matches: isOpenDocument(ODS) },
];

/** How many leading bytes the check needs. */
export const HEAD_BYTES = 128;

/** Browsers send this for types they do not know (often ODF, sometimes DOCX); the bytes still decide. */
const UNKNOWN_TYPE = 'application/octet-stream';

export type FileCheck =
  | { ok: true; contentType: string }
  | { ok: false; reason: 'extension' | 'declared_type' | 'content' };

export function checkFile(input: { fileName: string; declaredType: string; head: Buffer }): FileCheck {
  const extension = /\.([a-z0-9]+)$/i.exec(input.fileName)?.[1]?.toLowerCase();
  const type = FILE_TYPES.find((t) => extension && t.extensions.includes(extension));
  if (!type) return { ok: false, reason: 'extension' };
  const declared = input.declaredType.split(';')[0].trim().toLowerCase();
  if (declared !== type.contentType && declared !== UNKNOWN_TYPE && !type.aliases?.includes(declared)) {
    return { ok: false, reason: 'declared_type' };
  }
  if (!type.matches(input.head)) return { ok: false, reason: 'content' };
  return { ok: true, contentType: type.contentType };
}
