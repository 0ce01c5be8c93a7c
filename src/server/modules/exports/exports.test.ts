import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { insertMeasure } from '../../../../test/application-factory.ts';
import { type Client, createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { applications } from '../../db/schema/applications.ts';

describe('operator exports', () => {
  let t: TestApp;
  let operator: Client;
  let member: Client;
  let measureId: string;
  let otherMeasureId: string;
  let numbers: string[];
  let inns: string[];

  before(async () => {
    t = await createTestApp();
    operator = await signUpAs(t, 'operator');
    member = await signUp(t);
    const measure = await insertMeasure(t, { title: 'Грант; «пилот», этап 1', maxAmountKopecks: 500_000_000n });
    const other = await insertMeasure(t);
    measureId = measure.id;
    otherMeasureId = other.id;
    const orgs = [
      await createOrganization(member, { shortName: 'ООО «Альфа Дроны»' }),
      await createOrganization(member, { shortName: 'ООО "Бета" =Роботы' }),
      await createOrganization(member, { shortName: 'ООО «Гамма»' }),
    ];
    inns = orgs.map((o) => o.inn);
    const tag = `${process.pid}${Date.now() % 100000}`;
    numbers = [`ЗП-2026-${tag}-1`, `ЗП-2026-${tag}-2`, `ЗП-2026-${tag}-3`, `ЗП-2026-${tag}-4`];
    const base = {
      applicantId: member.userId,
      answers: {},
    };
    await t.database.db.insert(applications).values([
      {
        ...base,
        number: numbers[0],
        measureId,
        organizationId: orgs[0].id,
        status: 'submitted',
        requestedAmountKopecks: 123_456_789n,
        createdAt: new Date('2026-03-01T21:30:00Z'), // 2 March in Moscow
        submittedAt: new Date('2026-03-05T10:00:00Z'),
      },
      {
        ...base,
        number: numbers[1],
        measureId,
        organizationId: orgs[1].id,
        status: 'disbursing',
        requestedAmountKopecks: 300_000_000n,
        approvedAmountKopecks: 250_000_005n,
        paidKopecks: 100_000_000n,
        createdAt: new Date('2026-04-10T08:00:00Z'),
        submittedAt: new Date('2026-04-11T08:00:00Z'),
        decidedAt: new Date('2026-05-20T12:00:00Z'),
      },
      {
        ...base,
        number: numbers[2],
        measureId,
        organizationId: orgs[2].id,
        status: 'draft',
        requestedAmountKopecks: 100_000n,
        createdAt: new Date('2026-06-01T08:00:00Z'),
      },
      {
        ...base,
        number: numbers[3],
        measureId: otherMeasureId,
        organizationId: orgs[0].id,
        status: 'submitted',
        requestedAmountKopecks: 100_000n,
        createdAt: new Date('2026-06-01T08:00:00Z'),
        submittedAt: new Date('2026-06-02T08:00:00Z'),
      },
    ]);
  });
  after(() => t.close());

  const filtered = () => `/api/exports/applications.csv?measureId=${measureId}&status=submitted&status=disbursing`;

  test('applications CSV in Russian: BOM, semicolons, decimal comma, Moscow dates, exact rows', async () => {
    const response = await operator.request('GET', filtered(), undefined, { 'accept-language': 'ru-RU' });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(response.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
    assert.match(
      response.headers['content-disposition'] as string,
      /^attachment; filename="applications-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const title = '"Грант; «пилот», этап 1"';
    assert.equal(
      response.body,
      '\uFEFFНомер;Мера поддержки;Организация;ИНН;Статус;Запрошено, ₽;Одобрено, ₽;Выплачено, ₽;Создана;Подана;Решение\r\n' +
        `${numbers[0]};${title};ООО «Альфа Дроны»;${inns[0]};Подана;1234567,89;;0,00;02.03.2026;05.03.2026;\r\n` +
        `${numbers[1]};${title};"ООО ""Бета"" =Роботы";${inns[1]};Выплата траншей;3000000,00;2500000,05;1000000,00;10.04.2026;11.04.2026;20.05.2026\r\n`,
    );
  });

  test('applications CSV in English: commas, decimal point, English headers and statuses; q narrows it', async () => {
    const response = await operator.request('GET', `${filtered()}&q=${encodeURIComponent('альфа')}`, undefined, {
      'accept-language': 'en-GB,en;q=0.9',
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(
      response.body,
      '\uFEFFNumber,Support measure,Organization,INN,Status,"Requested, RUB","Approved, RUB","Paid, RUB",Created,Submitted,Decided\r\n' +
        `${numbers[0]},"Грант; «пилот», этап 1",ООО «Альфа Дроны»,${inns[0]},Submitted,1234567.89,,0.00,02.03.2026,05.03.2026,\r\n`,
    );
  });

  test('applications XLSX parses back: headers, money as numbers formatted #,##0.00, dates', async () => {
    const response = await operator.request('GET', filtered().replace('.csv', '.xlsx'), undefined, {
      'accept-language': 'ru',
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.name, 'Заявки');
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [
      'Номер',
      'Мера поддержки',
      'Организация',
      'ИНН',
      'Статус',
      'Запрошено, ₽',
      'Одобрено, ₽',
      'Выплачено, ₽',
      'Создана',
      'Подана',
      'Решение',
    ]);
    assert.equal(sheet.actualRowCount, 3);
    const first = sheet.getRow(2);
    assert.equal(first.getCell(1).value, numbers[0]);
    assert.equal(first.getCell(6).value, 1234567.89);
    assert.equal(first.getCell(6).numFmt, '#,##0.00');
    assert.equal(first.getCell(7).value, null);
    assert.deepEqual(first.getCell(9).value, new Date('2026-03-02T00:00:00Z'));
    assert.equal(first.getCell(9).numFmt, 'dd.mm.yyyy');
    const second = sheet.getRow(3);
    assert.equal(second.getCell(5).value, 'Выплата траншей');
    assert.equal(second.getCell(7).value, 2500000.05);
  });

  test('measures and reviews export with their own filters; a status of another list is refused', async () => {
    const measures = await operator.request('GET', '/api/exports/measures.csv?status=published&kind=grant', undefined, {
      'accept-language': 'en',
    });
    assert.equal(measures.statusCode, 200, measures.body);
    const lines = measures.body.replace(/\r\n$/, '').split('\r\n');
    assert.equal(
      lines[0],
      '\uFEFFCode,Title,Kind,Status,"Maximum amount, RUB","Budget, RUB","Committed, RUB","Remaining, RUB",Opens,Closes',
    );
    assert.equal(lines.length, 3);
    assert.ok(
      lines.slice(1).every((l) => l.includes(',Grant,Published,5000000.00,100000000.00,0.00,100000000.00,')),
      lines.join('\n'),
    );
    const reviews = await operator.get('/api/exports/reviews.xlsx?status=submitted');
    assert.equal(reviews.statusCode, 200, reviews.body);
    const bad = await operator.get('/api/exports/measures.csv?status=under_review');
    assert.equal(bad.statusCode, 400, bad.body);
  });

  test('pages of 1000 are read one after another: every row once', async () => {
    const org = await createOrganization(member);
    const rows = Array.from({ length: 2_345 }, (_, i) => ({
      number: `ЗП-2025-${String(i).padStart(6, '0')}-${process.pid}`,
      measureId: otherMeasureId,
      organizationId: org.id,
      applicantId: member.userId,
      status: 'rejected' as const,
      requestedAmountKopecks: BigInt(i + 1),
    }));
    for (let i = 0; i < rows.length; i += 1000)
      await t.database.db.insert(applications).values(rows.slice(i, i + 1000));
    const response = await operator.get(`/api/exports/applications.csv?measureId=${otherMeasureId}&status=rejected`);
    assert.equal(response.statusCode, 200);
    const lines = response.body.trim().split('\r\n').slice(1);
    assert.equal(lines.length, 2_345);
    assert.equal(new Set(lines.map((l) => l.split(';')[0])).size, 2_345);
  });

  test('only the operator: 403 for a company member, 401 for a guest, 404 for an unknown list', async () => {
    assert.equal((await member.get('/api/exports/applications.csv')).statusCode, 403);
    assert.equal((await member.get('/api/exports/applications.xlsx')).statusCode, 403);
    const guest = await t.app.inject({ method: 'GET', url: '/api/exports/applications.csv' });
    assert.equal(guest.statusCode, 401);
    assert.equal(guest.json().error.code, 'auth.required');
    assert.notEqual((await operator.get('/api/exports/users.csv')).statusCode, 200);
  });
});
