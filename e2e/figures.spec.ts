// The cluster's figures as people read them: a guest sees the live figures on the home page and on the dashboard
// exactly as the API answers them, with their counting rules; reads a figure over months and years and a breakdown,
// each as a chart and a table; shares the view by its address; downloads open data; reads it all in English. The
// operator sees when the figures were computed, recomputes them and finds the exports. Every state gets an
// accessibility scan.
import { readFileSync } from 'node:fs';
import { expect, type Page, type Response, test } from '@playwright/test';
import {
  formatFigure,
  HEADLINE_FIGURES,
  HOME_FIGURES,
  isMoneyFigure,
  isShortened,
  type ShortScale,
  seriesTable,
} from '../src/web/features/analytics/components/figure-values.ts';
import { formatDateTime, formatDateTimeSeconds, formatKopecks, formatNumber } from '../src/web/lib/format.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { signIn } from './sign-in.ts';

const OPERATOR = 'operator@klaster.demo';
const RU_WORDS: Record<ShortScale, string> = { thousand: 'тыс.', million: 'млн', billion: 'млрд' };
const EN_WORDS: Record<ShortScale, string> = { thousand: 'thousand', million: 'million', billion: 'billion' };
const RU_UNITS: Record<string, string> = {
  count: 'шт.',
  rub: '₽',
  thousand: 'тыс. ₽',
  million: 'млн ₽',
  billion: 'млрд ₽',
};

// biome-ignore lint/suspicious/noExplicitAny: the answers are read as JSON, their shapes are checked by the API tests
type Json = any;

const RU_DICTIONARY: Json = JSON.parse(readFileSync(new URL('../src/web/i18n/ru.json', import.meta.url), 'utf8'));

/** The answer the page itself gets for `path` (the same snapshot it shows, whatever the refresh job did meanwhile). */
function answerOf(page: Page, path: string, query: Record<string, string> = {}): Promise<Response> {
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    return (
      url.pathname === path &&
      response.request().method() === 'GET' &&
      response.ok() &&
      Object.entries(query).every(([key, value]) => url.searchParams.get(key) === value)
    );
  });
}

const figureValue = (stats: Json, figure: (typeof HEADLINE_FIGURES)[number], words = RU_WORDS, language = 'ru') =>
  formatFigure(stats[figure], isMoneyFigure(figure), language as 'ru' | 'en', words);

test('a guest reads the live figures on the home page and the dashboard, as charts and tables, in two languages', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // ——— the home page: the strip of live figures
  const homeStats = answerOf(page, '/api/stats', { lang: 'ru' });
  await page.goto('/');
  const home = await (await homeStats).json();
  const strip = page.getByTestId('home-figures');
  await expect(strip.getByRole('heading', { level: 2, name: 'Кластер в цифрах' })).toBeVisible();
  for (const figure of HOME_FIGURES) {
    await expect(strip.getByTestId(`figure-${figure}`).getByTestId('figure-value')).toHaveText(
      figureValue(home, figure),
    );
  }
  await expect(strip.getByTestId('figure-participants')).toContainText('Участники кластера');
  await expect(strip.getByTestId('figure-investmentKopecks')).toContainText('Привлечённые инвестиции');
  await expectNoSeriousA11yViolations(page);

  // ——— the dashboard: every headline figure with its counting rule (the figures the home page got, still fresh)
  const seriesAnswer = answerOf(page, '/api/stats/series', { figure: 'projectsImplemented', period: 'month' });
  const breakdownAnswer = answerOf(page, '/api/stats/breakdowns', { by: 'technology', of: 'participants' });
  await strip.getByRole('link', { name: 'Все показатели и правила подсчёта' }).click();
  await expect(page).toHaveURL(/\/figures$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Показатели кластера' })).toBeVisible();
  const stats = home;
  for (const figure of HEADLINE_FIGURES) {
    const card = page.getByTestId(`figure-${figure}`);
    await expect(card.getByTestId('figure-value')).toHaveText(figureValue(stats, figure));
    await expect(card.getByTestId('figure-rule')).toHaveText(`Как считается: ${stats.rules[figure]}`);
    if (isMoneyFigure(figure) && isShortened(stats[figure])) {
      await expect(card.getByTestId('figure-exact')).toHaveText(`Точно: ${formatKopecks(stats[figure], 'ru')}`);
    }
  }
  await expect(page.getByRole('heading', { level: 3, name: 'Совместные проекты' })).toBeVisible();
  await expect(page.getByTestId('figures-computed-at')).toHaveText(
    `Данные рассчитаны ${formatDateTime(stats.computedAt)} (время московское).`,
  );
  // the operator's corner is the operator's only
  await expect(page.getByRole('heading', { name: 'Для оператора' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Пересчитать сейчас' })).toHaveCount(0);

  // ——— the series: a chart with a title and units, and a table with one row per point
  const monthly = (await (await seriesAnswer).json()).series[0];
  expect(monthly.points.length).toBeGreaterThan(12);
  await expect(page.getByTestId('series-chart-title')).toHaveText(
    'Реализованные инновационные проекты по месяцам, шт.',
  );
  await expect(page.getByTestId('series-chart').locator('svg.recharts-surface')).toBeVisible();
  const seriesTableBlock = page.getByTestId('series-table');
  await seriesTableBlock.getByText(`Таблица значений (${monthly.points.length})`).click();
  await expect(seriesTableBlock.locator('tbody tr')).toHaveCount(monthly.points.length);
  const monthRows = seriesTable(monthly, 'ru').rows;
  const lastMonth = monthRows[monthRows.length - 1];
  await expect(seriesTableBlock.locator('tbody tr').last()).toHaveText(`${lastMonth.label}${lastMonth.exact}`);
  await expectNoSeriousA11yViolations(page);

  // ——— by year, keyboard only: the address, the title and the table follow
  const yearAnswer = answerOf(page, '/api/stats/series', { figure: 'projectsImplemented', period: 'year' });
  await page.getByRole('radio', { name: 'По месяцам' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]period=year/);
  const yearly = (await (await yearAnswer).json()).series[0];
  await expect(page.getByTestId('series-chart-title')).toHaveText('Реализованные инновационные проекты по годам, шт.');
  await expect(page.getByTestId('series-chart').locator('svg.recharts-surface')).toBeVisible();
  await page.getByTestId('series-table').getByText(`Таблица значений (${yearly.points.length})`).click();
  await expect(page.getByTestId('series-table').locator('tbody tr')).toHaveCount(yearly.points.length);
  const yearSum = yearly.points.reduce((sum: number, point: Json) => sum + point.value, 0);
  // the years add up to the headline figure: the chart and the figure never disagree
  expect(yearSum).toBe(stats.projectsImplemented);

  // ——— money over the years: the unit follows the largest value, the table keeps every kopeck
  const moneyAnswer = answerOf(page, '/api/stats/series', { figure: 'investmentKopecks', period: 'year' });
  await page.getByRole('combobox', { name: 'Показатель' }).click();
  await page.getByRole('option', { name: 'Привлечённые инвестиции', exact: true }).click();
  await expect(page).toHaveURL(/[?&]figure=investmentKopecks/);
  const money = (await (await moneyAnswer).json()).series[0];
  const moneyTable = seriesTable(money, 'ru');
  await expect(page.getByTestId('series-chart-title')).toHaveText(
    `Привлечённые инвестиции по годам, ${RU_UNITS[moneyTable.unit]}`,
  );
  await page.getByTestId('series-table').getByText(`Таблица значений (${money.points.length})`).click();
  await expect(page.getByTestId('series-table').locator('tbody tr')).toHaveText(
    moneyTable.rows.map((row) => `${row.label}${row.exact}`),
  );
  await expectNoSeriousA11yViolations(page);

  // ——— breakdowns: technology areas by name, then districts of implemented projects
  const technology = await (await breakdownAnswer).json();
  await expect(page.getByTestId('breakdown-chart-title')).toHaveText(
    'Участники кластера по технологическим направлениям, шт.',
  );
  await expect(page.getByTestId('breakdown-chart').locator('svg.recharts-surface')).toBeVisible();
  const breakdownBlock = page.getByTestId('breakdown-table');
  await breakdownBlock.getByText(`Таблица значений (${technology.items.length})`).click();
  await expect(breakdownBlock.locator('tbody tr')).toHaveCount(technology.items.length);
  // codes read as names from the dictionary
  const top = technology.items[0];
  await expect(breakdownBlock.locator('tbody tr').first()).toHaveText(
    `${RU_DICTIONARY.enums.technology[top.value]}${formatNumber(top.count, 'ru')}`,
  );

  const districtAnswer = answerOf(page, '/api/stats/breakdowns', { by: 'district', of: 'participants' });
  await page.getByRole('combobox', { name: 'Разрез' }).click();
  await page.getByRole('option', { name: 'Округ', exact: true }).click();
  await expect(page).toHaveURL(/[?&]by=district/);
  const districts = await (await districtAnswer).json();
  await expect(page.getByTestId('breakdown-chart-title')).toHaveText('Участники кластера по округам, шт.');

  const projectsAnswer = answerOf(page, '/api/stats/breakdowns', { by: 'district', of: 'projects' });
  await page.getByRole('radiogroup', { name: 'Что считаем' }).getByText('Проекты', { exact: true }).click();
  await expect(page).toHaveURL(/[?&]of=projects/);
  const projectDistricts = await (await projectsAnswer).json();
  await expect(page.getByTestId('breakdown-chart-title')).toHaveText('Реализованные проекты по округам, шт.');
  await page.getByTestId('breakdown-table').getByText(`Таблица значений (${projectDistricts.items.length})`).click();
  await expect(page.getByTestId('breakdown-table').locator('tbody tr')).toHaveCount(projectDistricts.items.length);
  expect(projectDistricts.items.reduce((sum: number, item: Json) => sum + item.count, 0)).toBe(
    stats.projectsImplemented,
  );
  expect(districts.items.length).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(page);

  // ——— the address reproduces the view
  const address = page.url();
  await page.goto('about:blank');
  await page.goto(address);
  await expect(page.getByRole('combobox', { name: 'Показатель' })).toHaveValue('Привлечённые инвестиции');
  await expect(page.getByRole('radio', { name: 'По годам' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Разрез' })).toHaveValue('Округ');
  await expect(page.getByRole('radio', { name: 'Проекты' })).toBeChecked();
  await expect(page.getByTestId('breakdown-chart-title')).toHaveText('Реализованные проекты по округам, шт.');

  // ——— open data at stable addresses, in the reader's language and the chosen period
  const kpisCsv = page.getByRole('link', { name: 'Главные показатели, CSV' });
  await expect(kpisCsv).toHaveAttribute('href', '/api/open-data/kpis.csv?lang=ru');
  const csv = await page.request.get((await kpisCsv.getAttribute('href')) ?? '');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect(await csv.text()).toContain('figure,value,unit,rule,computedAt');
  const seriesJson = page.getByRole('link', { name: 'Динамика по годам, JSON' });
  await expect(seriesJson).toHaveAttribute('href', '/api/open-data/series.json?period=year&lang=ru');
  const open = await page.request.get((await seriesJson.getAttribute('href')) ?? '');
  expect(open.status()).toBe(200);
  expect(open.headers()['content-type']).toMatch(/^application\/json/);
  expect((await open.json()).period).toBe('year');

  // ——— in English: labels, rules, chart titles and amounts follow the language
  const englishStats = answerOf(page, '/api/stats', { lang: 'en' });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cluster figures' })).toBeVisible();
  const english = await (await englishStats).json();
  const participants = page.getByTestId('figure-participants');
  await expect(participants.getByRole('heading', { level: 3, name: 'Cluster participants' })).toBeVisible();
  await expect(participants.getByTestId('figure-rule')).toHaveText(`How it is counted: ${english.rules.participants}`);
  await expect(page.getByTestId('figure-investmentKopecks').getByTestId('figure-value')).toHaveText(
    figureValue(english, 'investmentKopecks', EN_WORDS, 'en'),
  );
  await expect(page.getByTestId('series-chart-title')).toHaveText(/^Investment attracted by year, /);
  await expect(page.getByTestId('breakdown-chart-title')).toHaveText('Implemented projects by district, count');
  await expect(page.getByRole('link', { name: 'Headline figures, JSON' })).toHaveAttribute(
    'href',
    '/api/open-data/kpis.json?lang=en',
  );
  await expectNoSeriousA11yViolations(page);

  // ——— on a phone nothing is wider than the screen
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(page.getByTestId('breakdown-chart').locator('svg.recharts-surface')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);
});

test('the operator sees when the figures were computed, recomputes them and downloads them', async ({ browser }) => {
  const page = await signIn(browser, OPERATOR);

  const statsAnswer = answerOf(page, '/api/stats', { lang: 'ru' });
  await page.goto('/figures?period=year&by=district&of=projects');
  await expect(page.getByRole('heading', { level: 2, name: 'Для оператора' })).toBeVisible();
  const stats = await (await statsAnswer).json();
  expect(typeof stats.durationMs).toBe('number');
  const line = page.getByTestId('figures-last-computed');
  await expect(line).toHaveText(
    `Последний расчёт: ${formatDateTimeSeconds(stats.computedAt)}, занял ${formatNumber(stats.durationMs, 'ru')} мс.`,
  );
  const before = await line.textContent();
  await expectNoSeriousA11yViolations(page);

  const refreshed = page.waitForResponse(
    (response) => new URL(response.url()).pathname === '/api/stats/refresh' && response.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Пересчитать сейчас' }).click();
  const answer = await (await refreshed).json();
  expect(answer.refreshed).toBe(true);
  await expect(line).toHaveText(
    `Последний расчёт: ${formatDateTimeSeconds(answer.computedAt)}, занял ${formatNumber(answer.durationMs, 'ru')} мс.`,
  );
  expect(await line.textContent()).not.toBe(before);
  await expect(page.getByText('Показатели пересчитаны')).toBeVisible();
  await expect(page.getByTestId('figures-computed-at')).toHaveText(
    `Данные рассчитаны ${formatDateTime(answer.computedAt)} (время московское).`,
  );
  await expectNoSeriousA11yViolations(page);

  // the exports follow the view chosen on the page
  await expect(page.getByTestId('export-kpis-xlsx')).toHaveAttribute('href', '/api/exports/kpis.xlsx');
  await expect(page.getByTestId('export-series-csv')).toHaveAttribute('href', '/api/exports/series.csv?period=year');
  const breakdownCsv = page.getByRole('link', { name: 'Скачать «Реализованные проекты по округам», CSV' });
  await expect(breakdownCsv).toHaveAttribute('href', '/api/exports/breakdowns.csv?by=district&of=projects');
  const file = await page.request.get((await breakdownCsv.getAttribute('href')) ?? '');
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toMatch(/^text\/csv/);
  expect(file.headers()['content-disposition']).toMatch(/^attachment/);
  const xlsx = await page.request.get((await page.getByTestId('export-series-xlsx').getAttribute('href')) ?? '');
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  await page.context().close();
});
