import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { attachDocument, insertApplication } from '../../../../test/application-factory.ts';
import { type Client, createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { HTML, PDF, PNG } from './file-samples.ts';

/** A multipart/form-data body as a browser sends it. */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }) {
  const boundary = `----klaster${Date.now()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('files', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function upload(client: Client, organizationId: string, file: { name: string; type: string; content: Buffer }) {
    const { body, headers } = multipart({ organizationId }, file);
    return client.request('POST', '/api/files', body, headers);
  }

  test('a member uploads a PDF; members and the operator download it as an attachment; a stranger gets 404', async () => {
    const owner = await signUp(t);
    const org = await createOrganization(owner);
    const uploaded = await upload(owner, org.id, {
      name: 'Презентация проекта.pdf',
      type: 'application/pdf',
      content: PDF,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const file = uploaded.json();
    assert.deepEqual(
      { fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes },
      { fileName: 'Презентация проекта.pdf', contentType: 'application/pdf', sizeBytes: PDF.length },
    );

    const download = await owner.get(`/api/files/${file.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.match(
      String(download.headers['content-disposition']),
      /^attachment; filename=".*\.pdf"; filename\*=UTF-8''/,
    );
    assert.ok(download.rawPayload.equals(PDF));

    const operator = await signUpAs(t, 'operator');
    assert.equal((await operator.get(`/api/files/${file.id}`)).statusCode, 200);
    const stranger = await signUp(t);
    assert.equal((await stranger.get(`/api/files/${file.id}`)).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/files/${file.id}` })).statusCode, 401);
    // nor may a stranger upload for the organization
    assert.equal(
      (await upload(stranger, org.id, { name: 'a.pdf', type: 'application/pdf', content: PDF })).statusCode,
      404,
    );
  });

  test('a PNG is accepted; HTML is refused whatever its name; no file or no organization is 400', async () => {
    const owner = await signUp(t);
    const org = await createOrganization(owner);
    const png = await upload(owner, org.id, { name: 'logo.png', type: 'image/png', content: PNG });
    assert.equal(png.statusCode, 201, png.body);
    assert.equal(png.json().contentType, 'image/png');

    for (const file of [
      { name: 'invoice.pdf', type: 'application/pdf', content: HTML },
      { name: 'page.html', type: 'text/html', content: HTML },
      { name: 'page.html', type: 'application/pdf', content: PDF },
      { name: 'logo.svg', type: 'image/svg+xml', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') },
    ]) {
      const refused = await upload(owner, org.id, file);
      assert.equal(refused.statusCode, 400, `${file.name}: ${refused.body}`);
      assert.equal(refused.json().error.code, 'file.type_not_allowed');
    }
    const noFile = multipart({ organizationId: org.id });
    assert.equal((await owner.request('POST', '/api/files', noFile.body, noFile.headers)).statusCode, 400);
    const noOrg = multipart({}, { name: 'a.pdf', type: 'application/pdf', content: PDF });
    assert.equal((await owner.request('POST', '/api/files', noOrg.body, noOrg.headers)).statusCode, 400);
    assert.equal((await owner.post('/api/files', { organizationId: org.id })).statusCode, 415);
  });

  test('a file over 10 MB is refused with 413', async () => {
    const owner = await signUp(t);
    const org = await createOrganization(owner);
    const content = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const refused = await upload(owner, org.id, { name: 'big.pdf', type: 'application/pdf', content });
    assert.equal(refused.statusCode, 413, refused.body);
    assert.equal(refused.json().error.code, 'file.too_large');
    const exact = await upload(owner, org.id, {
      name: 'big.pdf',
      type: 'application/pdf',
      content: content.subarray(0, content.length - 1),
    });
    assert.equal(exact.statusCode, 201, exact.body);
  });

  test('an expert downloads an attached file only after declaring no conflict', async () => {
    const owner = await signUp(t);
    const operator = await signUpAs(t, 'operator');
    const { application, organizationId } = await insertApplication(t, owner);
    const file = (
      await upload(owner, organizationId, { name: 'plan.pdf', type: 'application/pdf', content: PDF })
    ).json();
    await attachDocument(t, application.id, file.id);
    const expert = await signUp(t);
    const { id: expertId } = (await operator.post('/api/experts', { userId: expert.userId, expertise: ['ai'] })).json();
    const [review] = (
      await operator.post(`/api/applications/${application.id}/assign-experts`, { expertIds: [expertId] })
    ).json().reviews;
    assert.equal((await expert.get(`/api/files/${file.id}`)).statusCode, 404, 'not before the declaration');
    assert.equal((await expert.post(`/api/reviews/${review.id}/declare`, { noConflict: true })).statusCode, 200);
    assert.equal((await expert.get(`/api/files/${file.id}`)).statusCode, 200);
    const detail = (await expert.get(`/api/reviews/${review.id}`)).json();
    assert.deepEqual(
      detail.documents.map((d: { fileId: string }) => d.fileId),
      [file.id],
    );
  });
});
