import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HTML, JPEG, PDF, PNG } from './file-samples.ts';
import { checkFile } from './file-types.ts';

const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]);
const odf = (mime: string) => {
  const head = Buffer.alloc(38 + mime.length + 10);
  head.set([0x50, 0x4b, 0x03, 0x04]);
  head.write('mimetype', 30, 'latin1');
  head.write(mime, 38, 'latin1');
  return head;
};
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';

describe('file types', () => {
  const table: Array<[string, string, string, Buffer, string | null]> = [
    ['a PDF', 'заявка.pdf', 'application/pdf', PDF, 'application/pdf'],
    ['a PDF with an upper-case extension', 'SCAN.PDF', 'application/pdf', PDF, 'application/pdf'],
    ['a PNG', 'logo.png', 'image/png', PNG, 'image/png'],
    ['a JPEG as .jpg', 'photo.jpg', 'image/jpeg', JPEG, 'image/jpeg'],
    ['a DOCX', 'plan.docx', DOCX, ZIP, DOCX],
    ['a DOCX declared as octet-stream', 'plan.docx', 'application/octet-stream', ZIP, DOCX],
    ['an ODT', 'plan.odt', ODT, odf(ODT), ODT],
    ['a spreadsheet named .odt', 'plan.odt', ODT, odf('application/vnd.oasis.opendocument.spreadsheet'), null],
    ['a PDF named .html', 'page.html', 'application/pdf', PDF, null],
    ['HTML named .pdf', 'invoice.pdf', 'application/pdf', HTML, null],
    ['HTML declared as text/html', 'invoice.pdf', 'text/html', PDF, null],
    ['an SVG', 'logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ['JavaScript', 'app.js', 'text/javascript', Buffer.from('alert(1)'), null],
    ['a PNG declared as PDF', 'logo.png', 'application/pdf', PNG, null],
    ['a PNG named .pdf', 'logo.pdf', 'application/pdf', PNG, null],
    ['no extension', 'README', 'application/pdf', PDF, null],
    ['plain text', 'notes.txt', 'text/plain', Buffer.from('Привет'), null],
  ];
  for (const [name, fileName, declaredType, head, expected] of table) {
    test(`${name} → ${expected ?? 'refused'}`, () => {
      const result = checkFile({ fileName, declaredType, head });
      assert.equal(result.ok ? result.contentType : null, expected);
    });
  }

  test('the reason names which check failed', () => {
    assert.deepEqual(checkFile({ fileName: 'page.html', declaredType: 'application/pdf', head: PDF }), {
      ok: false,
      reason: 'extension',
    });
    assert.deepEqual(checkFile({ fileName: 'a.pdf', declaredType: 'text/html', head: PDF }), {
      ok: false,
      reason: 'declared_type',
    });
    assert.deepEqual(checkFile({ fileName: 'a.pdf', declaredType: 'application/pdf', head: HTML }), {
      ok: false,
      reason: 'content',
    });
  });
});
