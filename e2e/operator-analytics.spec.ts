// The operator's analytics as a person uses them: the funnels from the account menu, counted as the API counts them,
// narrowed by a technology and a period that the address keeps, and downloaded as CSV and XLSX with those filters;
// the exports page and the support queue download what they show. A company user is refused. Every page state
// visited gets an accessibility scan.
import { readFile } from 'node:fs/promises';
import { type Download, expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { signIn } from './sign-in.ts';

const OPERATOR = 'operator@klaster.demo';
const COMPANY = 'company@klaster.demo';

const FUNNELS_CSV_HEADER = [
  'Воронка',
  'Шаг',
  'Количество',
  'Решений, пилотов, договоров',
  'Конверсия от предыдущего шага, %',
  'Конверсия от первого шага, %',
  'Медиана дней от предыдущего шага',
];

interface FunnelsAnswer {
  funnels: Array<{ key: string; label: string; filters: string[]; steps: Array<{ label: string; count: number }> }>;
}

async function openFromAccountMenu(page: Page, item: string) {
  await page.getByRole('button', { name: /^Учётная запись:/ }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** The counts as the page prints them: thin no-break spaces between thousands. */
const printed = (count: number) => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202F');

async function funnelsFromApi(page: Page, query: string): Promise<FunnelsAnswer> {
  const response = await page.request.get(`/api/stats/funnels${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as FunnelsAnswer;
}

/** Every funnel's card shows the API's steps with the API's counts, in its table. */
async function expectFunnelsAsApi(page: Page, answer: FunnelsAnswer) {
  const empty = answer.funnels.every((funnel) => funnel.steps[0].count === 0);
  if (empty) {
    await expect(page.getByText('Ничего не найдено', { exact: true })).toBeVisible();
    return;
  }
  for (const funnel of answer.funnels) {
    const card = page.getByRole('region', { name: funnel.label, exact: true });
    const table = card.getByTestId(`funnel-table-${funnel.key}`);
    await expect(table.locator('tbody th')).toHaveText(funnel.steps.map((step) => step.label));
    await expect(table.locator('tbody td:first-of-type')).toHaveText(funnel.steps.map((step) => printed(step.count)));
  }
}

async function download(page: Page, link: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(await file.failure()).toBeNull();
  const bytes = await readFile((await file.path())!);
  return { file, bytes };
}

/** CSV lines, a line break inside quotes kept in its field; the BOM and the last empty line dropped. */
function csvRows(bytes: Buffer, separator = ';'): string[][] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** The day `days` before today in Moscow, as a date field takes it. */
function daysAgo(days: number): string {
  const moment = new Date(Date.now() - days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(moment);
}

test('the operator reads the funnels, narrows them, and downloads them and the queues', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await signIn(browser, OPERATOR);

  // ——— the funnels, from the account menu, as the API counts them
  await openFromAccountMenu(page, 'Воронки');
  await expect(page).toHaveURL(/\/operator\/funnels$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Воронки' })).toBeVisible();
  await expect(page.getByTestId('funnels-computed')).toHaveText(/^Посчитано/);
  const all = await funnelsFromApi(page, '');
  expect(all.funnels.map((funnel) => funnel.key)).toEqual(['membership', 'support', 'requests', 'deals']);
  await expectFunnelsAsApi(page, all);
  await expect(page.getByTestId('funnel-filters-support')).toHaveText('Учтённые фильтры: нет, все данные');
  await expectNoSeriousA11yViolations(page);

  // ——— a technology: in the address, and the counts follow the API's answer for it
  await page.getByRole('combobox', { name: 'Технологическое направление' }).click();
  await page.getByRole('option', { name: 'Искусственный интеллект', exact: true }).click();
  await expect(page).toHaveURL(/[?&]technology=ai(&|$)/);
  const ai = await funnelsFromApi(page, '?technology=ai');
  // the filter must narrow something, or this step would prove nothing
  expect(ai.funnels.map((f) => f.steps.map((s) => s.count))).not.toEqual(
    all.funnels.map((f) => f.steps.map((s) => s.count)),
  );
  await expectFunnelsAsApi(page, ai);
  await expect(page.getByTestId('funnel-filters-support')).toHaveText(
    'Учтённые фильтры: направление «Искусственный интеллект»',
  );
  await expectNoSeriousA11yViolations(page);

  // ——— and a period: both filters in the address; a link to it reproduces the view
  const from = daysAgo(200);
  await page.getByLabel('Период с').fill(from);
  await expect(page).toHaveURL(new RegExp(`[?&]from=${from}(&|$)`));
  await expect(page).toHaveURL(/[?&]technology=ai(&|$)/);
  const narrowed = await funnelsFromApi(page, `?from=${from}&technology=ai`);
  await expectFunnelsAsApi(page, narrowed);
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/operator/funnels?technology=ai&from=${from}`);
  await expect(page.getByRole('combobox', { name: 'Технологическое направление' })).toHaveValue(
    'Искусственный интеллект',
  );
  await expect(page.getByLabel('Период с')).toHaveValue(from);
  await expectFunnelsAsApi(page, narrowed);

  // ——— the funnels as files, with the same filters
  const csv = await download(page, page.getByRole('link', { name: /^CSV — скачать: воронки/ }));
  const csvUrl = new URL(csv.file.url());
  expect(csvUrl.pathname).toBe('/api/exports/funnels.csv');
  expect(csvUrl.searchParams.get('from')).toBe(from);
  expect(csvUrl.searchParams.get('technology')).toBe('ai');
  const csvLines = csvRows(csv.bytes);
  expect(csvLines[0]).toEqual(FUNNELS_CSV_HEADER);
  expect(csvLines.slice(1).map((line) => [line[0], line[1], Number(line[2])])).toEqual(
    narrowed.funnels.flatMap((funnel) => funnel.steps.map((step) => [funnel.label, step.label, step.count])),
  );

  const xlsx = await download(page, page.getByRole('link', { name: /^XLSX — скачать: воронки/ }));
  expect(new URL(xlsx.file.url()).pathname).toBe('/api/exports/funnels.xlsx');
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // ——— the exports page: a list with a status chosen
  await openFromAccountMenu(page, 'Выгрузки');
  await expect(page).toHaveURL(/\/operator\/exports$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Выгрузки' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const applicationsCard = page.getByRole('article', { name: 'Заявки на меры поддержки' });
  await applicationsCard.getByRole('combobox', { name: 'Статус' }).click();
  await page.getByRole('option', { name: 'Зарегистрирована', exact: true }).click();
  await expectNoSeriousA11yViolations(page);
  const registered = await download(page, applicationsCard.getByRole('link', { name: /^CSV/ }));
  expect(new URL(registered.file.url()).searchParams.getAll('status')).toEqual(['registered']);
  const registeredTotal = (
    (await (await page.request.get('/api/applications?status=registered&limit=1')).json()) as {
      total: number;
    }
  ).total;
  const registeredRows = csvRows(registered.bytes);
  expect(registeredRows[0].slice(0, 5)).toEqual(['Номер', 'Мера поддержки', 'Организация', 'ИНН', 'Статус']);
  expect(registeredRows.length - 1).toBe(registeredTotal);

  const membership = await download(
    page,
    page.getByRole('article', { name: 'Заявки на вступление в кластер' }).getByRole('link', { name: /^XLSX/ }),
  );
  expect(membership.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // ——— the support queue downloads what it lists: one status
  await openFromAccountMenu(page, 'Заявки на меры поддержки');
  await expect(page.getByRole('heading', { level: 1, name: 'Заявки на меры поддержки' })).toBeVisible();
  await page.getByRole('button', { name: /^Одобрена \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/[?&]status=approved(&|$)/);
  const approvedTotal = (
    (await (await page.request.get('/api/applications?status=approved&limit=1')).json()) as {
      total: number;
    }
  ).total;
  const allTotal = ((await (await page.request.get('/api/applications?limit=1')).json()) as { total: number }).total;
  expect(approvedTotal).toBeGreaterThan(0);
  expect(approvedTotal).toBeLessThan(allTotal);
  await expect(page.getByText(/^Найден[оа]? \d+ заяв/)).toHaveText(new RegExp(`^Найден[оа]? ${approvedTotal} заяв`));
  await expectNoSeriousA11yViolations(page);
  const approved = await download(page, page.getByRole('link', { name: /^CSV — скачать: Заявки на меры поддержки/ }));
  expect(new URL(approved.file.url()).searchParams.getAll('status')).toEqual(['approved']);
  expect(csvRows(approved.bytes).length - 1).toBe(approvedTotal);

  // ——— the moderation queue downloads its default view: requests waiting for moderation
  await openFromAccountMenu(page, 'Модерация запросов');
  await expect(page.getByRole('heading', { level: 1, name: 'Модерация запросов' })).toBeVisible();
  const moderation = await download(page, page.getByRole('link', { name: /^CSV — скачать: Модерация запросов/ }));
  expect(new URL(moderation.file.url()).searchParams.getAll('status')).toEqual(['moderation']);
  const moderationTotal = (
    (await (await page.request.get('/api/requests?status=moderation&limit=1')).json()) as {
      total: number;
    }
  ).total;
  expect(csvRows(moderation.bytes).length - 1).toBe(moderationTotal);
  await expectNoSeriousA11yViolations(page);
});

test('on a 375 px phone the operator reaches the funnels from the menu', async ({ browser }) => {
  const page = await signIn(browser, OPERATOR);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.getByRole('button', { name: 'Открыть меню' }).click();
  const menu = page.getByRole('dialog', { name: 'Меню' });
  await expect(menu.getByRole('link', { name: 'Выгрузки' })).toBeVisible();
  await menu.getByRole('link', { name: 'Воронки' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Воронки' })).toBeVisible();
  await expect(page.getByTestId('funnels-computed')).toHaveText(/^Посчитано/);
  // the tables scroll inside their cards; the page itself is no wider than the screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);
});

test('a company user is refused the funnels and the exports', async ({ browser }) => {
  const page = await signIn(browser, COMPANY);
  await page.getByRole('button', { name: /^Учётная запись:/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Мои организации' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Воронки' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: 'Выгрузки' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.goto('/operator/funnels');
  await expect(page.getByRole('heading', { level: 1, name: 'Нет доступа' })).toBeVisible();
  await expect(page.getByText('Этот раздел доступен только операторам кластера.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Вступление в кластер', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^CSV/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  expect((await page.request.get('/api/stats/funnels')).status()).toBe(403);
  expect((await page.request.get('/api/exports/funnels.csv')).status()).toBe(403);

  await page.goto('/operator/exports');
  await expect(page.getByRole('heading', { level: 1, name: 'Нет доступа' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^CSV/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
