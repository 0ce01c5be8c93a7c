import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  breakdownRows,
  chartMoneyScale,
  formatFigure,
  formatPeriod,
  formatShortKopecks,
  HEADLINE_FIGURES,
  isMoneyFigure,
  isShortened,
  kopecksInScale,
  parseFiguresSearch,
  resolveFiguresSearch,
  SERIES_FIGURES,
  seriesTable,
  shortLabel,
} from './figure-values.ts';

const RU = { thousand: 'тыс.', million: 'млн', billion: 'млрд' };
const EN = { thousand: 'thousand', million: 'million', billion: 'billion' };
const NBSP = '\u00A0';
const THIN = '\u202F';

test('a large amount reads the way people say it, in the largest unit keeping at least one', () => {
  assert.equal(formatShortKopecks('3420000000000', 'ru', RU), `34,2${NBSP}млрд${NBSP}₽`);
  assert.equal(formatShortKopecks('3420000000000', 'en', EN), `₽34.2${NBSP}billion`);
  assert.equal(formatShortKopecks('6153526000', 'ru', RU), `61,5${NBSP}млн${NBSP}₽`);
  assert.equal(formatShortKopecks('1862500000', 'ru', RU), `18,6${NBSP}млн${NBSP}₽`);
  assert.equal(formatShortKopecks('12345600', 'ru', RU), `123,5${NBSP}тыс.${NBSP}₽`);
  // thousands of billions keep their digits grouped
  assert.equal(formatShortKopecks('123456700000000', 'ru', RU), `1${THIN}234,6${NBSP}млрд${NBSP}₽`);
});

test('rounding half up may carry into the next unit', () => {
  // 999 960 000 ₽ is 1 000,0 млн: shown as 1,0 млрд
  assert.equal(formatShortKopecks('99996000000', 'ru', RU), `1,0${NBSP}млрд${NBSP}₽`);
  // 999 940 000 ₽ stays in millions
  assert.equal(formatShortKopecks('99994000000', 'ru', RU), `999,9${NBSP}млн${NBSP}₽`);
  assert.equal(formatShortKopecks('5000', 'ru', RU), `50,00${NBSP}₽`);
});

test('under a thousand rubles the exact amount is shown and not repeated', () => {
  assert.equal(formatShortKopecks('0', 'ru', RU), `0,00${NBSP}₽`);
  assert.equal(formatShortKopecks('99949', 'en', EN), '₽999.49');
  assert.equal(formatShortKopecks('100000', 'ru', RU), `1,0${NBSP}тыс.${NBSP}₽`);
  assert.equal(isShortened('99999'), false);
  assert.equal(isShortened('100000'), true);
});

test('headline figures: counts grouped, money short', () => {
  assert.equal(formatFigure(14300, false, 'ru', RU), `14${THIN}300`);
  assert.equal(formatFigure(14300, false, 'en', EN), '14,300');
  assert.equal(formatFigure('1420000000000', true, 'ru', RU), `14,2${NBSP}млрд${NBSP}₽`);
  assert.equal(isMoneyFigure('investmentKopecks'), true);
  assert.equal(isMoneyFigure('contractsKopecks'), true);
  assert.equal(isMoneyFigure('contracts'), false);
  assert.equal(isMoneyFigure('newParticipants'), false);
  assert.equal(HEADLINE_FIGURES[0], 'participants');
  assert.equal(HEADLINE_FIGURES.length, 13);
  assert.equal(SERIES_FIGURES.length, 13);
});

test('a money chart takes the unit of its largest value', () => {
  assert.equal(chartMoneyScale(['0', '15400000000', '800000000']), 'million');
  assert.equal(chartMoneyScale(['3420000000000']), 'billion');
  assert.equal(chartMoneyScale(['100000']), 'thousand');
  assert.equal(chartMoneyScale(['99999']), 'rub');
  assert.equal(chartMoneyScale([]), 'rub');
  assert.equal(chartMoneyScale(['0', '0']), 'rub');
});

test('kopecks become chart units rounded to hundredths', () => {
  assert.equal(kopecksInScale('15400000000', 'million'), 154);
  assert.equal(kopecksInScale('3420000000000', 'billion'), 34.2);
  assert.equal(kopecksInScale('123456789', 'million'), 1.23);
  assert.equal(kopecksInScale('123556789', 'million'), 1.24);
  assert.equal(kopecksInScale('12345', 'rub'), 123.45);
  // a value beyond 2^53 kopecks keeps its leading digits
  assert.equal(kopecksInScale('900719925474099312', 'billion'), 9007199.25);
});

test('periods read like the rest of the dates', () => {
  assert.equal(formatPeriod('2024-03'), '03.2024');
  assert.equal(formatPeriod('2024'), '2024');
});

test('a count series becomes chart points and table rows, one per point', () => {
  const table = seriesTable(
    {
      unit: 'count',
      points: [
        { period: '2026-01', value: 0 },
        { period: '2026-02', value: 1250 },
      ],
    },
    'ru',
  );
  assert.equal(table.unit, 'count');
  assert.deepEqual(table.rows, [
    { period: '2026-01', label: '01.2026', value: 0, exact: '0' },
    { period: '2026-02', label: '02.2026', value: 1250, exact: `1${THIN}250` },
  ]);
});

test('a money series: the chart in one unit, the table exact to the kopeck', () => {
  const table = seriesTable(
    {
      unit: 'kopecks',
      points: [
        { period: '2019', valueKopecks: '15400000000' },
        { period: '2020', valueKopecks: '812345678' },
      ],
    },
    'en',
  );
  assert.equal(table.unit, 'million');
  assert.deepEqual(
    table.rows.map((row) => [row.label, row.value, row.exact]),
    [
      ['2019', 154, '₽154,000,000.00'],
      ['2020', 8.12, '₽8,123,456.78'],
    ],
  );
});

test('breakdown rows name every key, the missing one too', () => {
  const rows = breakdownRows(
    [
      { value: 'ai', count: 9 },
      { value: null, count: 2 },
    ],
    (key) => (key === null ? 'Не указано' : `label:${key}`),
  );
  assert.deepEqual(rows, [
    { key: 'ai', label: 'label:ai', count: 9 },
    { key: null, label: 'Не указано', count: 2 },
  ]);
});

test('the chooser state: known values kept, defaults and unknown values left out', () => {
  assert.deepEqual(
    parseFiguresSearch({ figure: 'investmentKopecks', period: 'year', by: 'district', of: 'projects' }),
    {
      figure: 'investmentKopecks',
      period: 'year',
      by: 'district',
      of: 'projects',
    },
  );
  assert.deepEqual(parseFiguresSearch({ figure: 'projectsImplemented', period: 'month', by: 'technology' }), {
    figure: undefined,
    period: undefined,
    by: undefined,
    of: undefined,
  });
  assert.deepEqual(parseFiguresSearch({ figure: 'budget', period: 'week', by: 'inn', of: 12 }), {
    figure: undefined,
    period: undefined,
    by: undefined,
    of: undefined,
  });
  assert.deepEqual(resolveFiguresSearch({ period: 'year' }), {
    figure: 'projectsImplemented',
    period: 'year',
    by: 'technology',
    of: 'participants',
  });
});

test('axis labels are cut with an ellipsis, whole characters only', () => {
  assert.equal(shortLabel('Энергетика', 14), 'Энергетика');
  assert.equal(shortLabel('Виртуальная и дополненная реальность', 14), 'Виртуальная и…');
  assert.equal(shortLabel('Виртуальная и дополненная реальность', 36), 'Виртуальная и дополненная реальность');
});
