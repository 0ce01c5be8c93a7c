// A guest asks the header's search box, narrows the answer to one kind and opens a result; on a phone the search is
// in the menu. Every page state visited gets an accessibility scan.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { signInOn } from './sign-in.ts';

interface Group {
  type: string;
  total: number;
  items: Array<{ id: string; title: string; link: string }>;
}

test('search from the header, filter by kind, open a result', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // a word of a published request's title, as someone who remembers it would type it
  const published = await page.request.get('/api/requests?limit=1');
  const sample = ((await published.json()) as { items: Array<{ title: string }> }).items[0].title;
  const word = sample
    .split(/[^\p{L}]+/u)
    .sort((a, b) => b.length - a.length)[0]
    .toLowerCase();
  await page.goto('/');
  const box = page.getByRole('search', { name: 'Поиск по платформе' }).getByRole('searchbox');
  await box.fill(word);
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Поиск' })).toBeVisible();

  const answer = await page.request.get(`/api/search?q=${encodeURIComponent(word)}`);
  const groups = ((await answer.json()) as { groups: Group[] }).groups;
  const requests = groups.find((g) => g.type === 'requests')!;
  expect(requests.total, `«${word}» finds the request it came from`).toBeGreaterThan(0);
  // every kind that found something has its heading with the count, as the API counted
  for (const group of groups.filter((g) => g.total > 0)) {
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`\\(${group.total}\\+?\\)$`) }).first(),
    ).toBeVisible();
  }
  await expect(page.locator('mark.search-match').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page
    .getByRole('group', { name: 'Что показывать' })
    .getByRole('button', { name: /^Запросы/ })
    .click();
  await expect(page).toHaveURL(/type=requests/);
  const list = page.getByRole('region', { name: /^Запросы/ });
  await expect(list.getByRole('article')).toHaveCount(Math.min(requests.total, 20));
  await expectNoSeriousA11yViolations(page);

  const first = list.getByRole('article').first().getByRole('link');
  const title = (await first.textContent()) ?? '';
  await first.click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // a name with a typo and an INN find the organization
  const registry = await page.request.get('/api/registry?limit=1');
  const org = ((await registry.json()) as { items: Array<{ id: string; shortName: string; inn: string }> }).items[0];
  await page.goto(`/search?q=${org.inn}`);
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article').getByRole('link')).toHaveAttribute('href', `/organizations/${org.id}`);
});

test('on a phone the search is in the menu', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Открыть меню' }).click();
  const box = page.getByRole('dialog').getByRole('searchbox', { name: 'Поиск по платформе' });
  await box.fill('Нейросети');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Что искать' })).toHaveValue('Нейросети');
  await expectNoSeriousA11yViolations(page);
});

test('the cabinet recommends requests and measures with the reason, and a hidden one stays hidden', async ({
  page,
}) => {
  await signInOn(page, 'company@klaster.demo');

  const measures = page.getByRole('region', { name: 'Меры поддержки, которые вам подходят' });
  await expect(measures.getByRole('article').first()).toBeVisible();
  await expect(measures.getByRole('article').first()).toContainText('Организация подходит под условия');
  const requests = page.getByRole('region', { name: 'Запросы, на которые вы можете ответить' });
  await expect(
    requests
      .getByRole('article')
      .or(requests.getByText(/Подходящих открытых запросов/))
      .first(),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const first = measures.getByRole('article').first();
  const title = (await first.getByRole('link').textContent()) ?? '';
  await first.getByRole('button', { name: `Скрыть рекомендацию «${title}»` }).click();
  await expect(measures.getByRole('link', { name: title, exact: true })).toHaveCount(0);
  await page.reload();
  await expect(
    measures
      .getByRole('article')
      .first()
      .or(measures.getByText(/Открытых мер/)),
  ).toBeVisible();
  await expect(measures.getByRole('link', { name: title, exact: true })).toHaveCount(0);
  await measures.getByRole('button', { name: 'Вернуть скрытые' }).click();
  await expect(measures.getByRole('link', { name: title, exact: true })).toBeVisible();
});

test('signed in, the header fits laptop widths: the language switch stays on screen', async ({ page }) => {
  await signInOn(page, 'company@klaster.demo');
  // the search field from 1408 px, the account's name beside it; below, the icons alone
  for (const width of [1200, 1280, 1408, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    const english = page.getByRole('banner').getByRole('button', { name: 'EN', exact: true });
    await expect(english).toBeVisible();
    // polled: the layout settles a frame after the viewport changes
    await expect
      .poll(
        async () => {
          const box = (await english.boundingBox())!;
          return box.x + box.width;
        },
        { message: `at ${width} px` },
      )
      .toBeLessThanOrEqual(width);
  }
});
