// A guest searches the public registry, narrows it with a filter, reads it in English, and uses it on a phone.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';

function countIn(text: string): number {
  const match = /(\d[\d\s\u202f\u00a0,]*)/.exec(text);
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[1].replace(/[^\d]/g, ''));
}

test('a guest searches, filters and switches the registry to English', async ({ page }) => {
  await page.goto('/registry');
  await expect(page.getByRole('heading', { level: 1, name: 'Реестр участников кластера' })).toBeVisible();
  const total = page.getByTestId('registry-total');
  await expect(total).toHaveText(/Найден/);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('searchbox', { name: 'Поиск по реестру' }).fill('беспилотные аппараты');
  await page.getByRole('searchbox', { name: 'Поиск по реестру' }).press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  expect(decodeURIComponent(page.url().replaceAll('+', ' '))).toContain('q=беспилотные аппараты');
  await expect(page.getByRole('article').first()).toBeVisible();
  const found = countIn((await total.textContent()) ?? '');
  expect(found).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(page);

  // a filter value with fewer organizations than found narrows the list and lands in the address
  await page.getByRole('combobox', { name: 'Округ Москвы' }).click();
  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  const labels = await options.allInnerTexts();
  const narrower = labels.findIndex((label) => countIn(label.slice(label.lastIndexOf('('))) < found);
  expect(narrower, `a district with fewer than ${found} results among ${labels.join(', ')}`).toBeGreaterThanOrEqual(0);
  const expected = countIn(labels[narrower].slice(labels[narrower].lastIndexOf('(')));
  await options.nth(narrower).click();
  await expect(page).toHaveURL(/[?&]district=/);
  await expect(total).toHaveText(new RegExp(`^Найден\\S* ${expected} `));
  await expect(page.getByRole('article')).toHaveCount(expected);
  expect(expected).toBeLessThan(found);

  // the address reproduces the view
  await page.reload();
  await expect(total).toHaveText(new RegExp(`^Найден\\S* ${expected} `));
  await expect(page.getByRole('searchbox', { name: 'Поиск по реестру' })).toHaveValue('беспилотные аппараты');

  // English
  await page.getByRole('button', { name: 'EN' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Registry of cluster participants' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Technology area' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Participant registry' })).toBeVisible();
  await expect(total).toHaveText(new RegExp(`^${expected} organizations? found`));
  await expect(page.getByRole('article').first().getByText('Cluster participant')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // the choice is remembered
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Registry of cluster participants' })).toBeVisible();
});

test('on a 375 px phone the sections fold into a menu that opens and navigates', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Разделы платформы', exact: true });
  await expect(nav).toBeHidden();
  const burger = page.getByRole('button', { name: 'Открыть меню' });
  await expect(burger).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await burger.click();
  const menu = page.getByRole('dialog', { name: 'Меню' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Войти' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await menu.getByRole('link', { name: 'Реестр участников' }).click();

  await expect(page).toHaveURL(/\/registry$/);
  await expect(menu).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Реестр участников кластера' })).toBeVisible();
  // nothing is wider than the phone's screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);
});
