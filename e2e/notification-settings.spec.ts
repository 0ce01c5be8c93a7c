// Notifications a person controls: the company opens its notification settings from the account menu, takes status
// changes as a daily digest and finds the choice kept after a reload; then a request matching its technology areas is
// published (the customer writes it, the operator publishes it, through the API) and the bell shows it unread, marks
// it read and marks the rest read. The settings page is also reached from the phone menu at 375 px. Every page state
// visited gets an accessibility scan.
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { DEMO_PASSWORD, signIn } from './sign-in.ts';

const COMPANY = 'company@klaster.demo';
const DAY = 24 * 3600 * 1000;

/** An API session of a demo account: its cookie kept by the context, its CSRF token sent with every change. */
async function apiAs(browser: Browser, email: string) {
  const context = await browser.newContext();
  const login = await context.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken, user } = (await login.json()) as {
    csrfToken: string;
    user: { organizations: Array<{ id: string }> };
  };
  const request: APIRequestContext = context.request;
  return {
    organizationId: user.organizations[0]?.id,
    async post(url: string, data?: unknown) {
      const answer = await request.post(url, { data, headers: { 'x-csrf-token': csrfToken } });
      expect(answer.ok(), `${url}: ${answer.status()} ${await answer.text()}`).toBe(true);
      return answer.json();
    },
    close: () => context.close(),
  };
}

const settingsGroup = (page: Page, label: string) => page.getByRole('radiogroup', { name: label });

test('notification settings from the account menu, kept after a reload; the bell counts and marks read', async ({
  browser,
}) => {
  const company = await signIn(browser, COMPANY);

  // ——— the settings, from the account menu
  await company.getByRole('button', { name: /^Учётная запись:/ }).click();
  await company.getByRole('menuitem', { name: 'Настройки уведомлений', exact: true }).click();
  await expect(company).toHaveURL(/\/settings\/notifications$/);
  await expect(company.getByRole('heading', { level: 1, name: 'Настройки уведомлений' })).toBeVisible();
  await expect(company.getByText(/В колокольчике на сайте всегда видны все уведомления/)).toBeVisible();
  const status = settingsGroup(company, 'Изменения статусов');
  await expect(status.getByRole('radio', { name: 'Сразу' })).toBeChecked();
  await expect(
    settingsGroup(company, 'Новые подходящие запросы').getByRole('radio', { name: 'Ежедневной сводкой' }),
  ).toBeChecked();
  await expectNoSeriousA11yViolations(company);

  // keyboard: the channel is chosen with the arrow keys, as in any radio group
  await status.getByRole('radio', { name: 'Сразу' }).focus();
  await company.keyboard.press('ArrowRight');
  await expect(status.getByRole('radio', { name: 'Ежедневной сводкой' })).toBeChecked();
  await company.getByRole('button', { name: 'Сохранить' }).click();
  await expect(company.getByRole('status').filter({ hasText: 'Сохранено' })).toBeVisible();
  await expectNoSeriousA11yViolations(company);

  await company.reload();
  await expect(
    settingsGroup(company, 'Изменения статусов').getByRole('radio', { name: 'Ежедневной сводкой' }),
  ).toBeChecked();
  await expect(settingsGroup(company, 'Отчёты').getByRole('radio', { name: 'Сразу' })).toBeChecked();
  const saved = await company.request.get('/api/notifications/settings');
  expect((await saved.json()).settings.status).toBe('digest');

  // ——— a request matching the company's technology areas is published
  const before = ((await (await company.request.get('/api/notifications')).json()) as { unread: number }).unread;
  const corporate = await apiAs(browser, 'corporate@klaster.demo');
  const operator = await apiAs(browser, 'operator@klaster.demo');
  const title = `Прогноз нагрузки на городские сервисы ${Date.now()}`;
  const request = await corporate.post('/api/requests', {
    organizationId: corporate.organizationId,
    kind: 'corporate',
    title,
    brief: 'Ищем модели прогнозирования нагрузки на городские сервисы по районам.',
    description: 'Данные обращений граждан за три года; нужен прогноз нагрузки на неделю вперёд.',
    scopes: ['housing'],
    technologies: ['ai', 'big_data'],
    problemTypes: ['monitoring'],
    expectedResult: 'Прогноз на неделю вперёд',
    minTrl: 5,
    budgetKopecks: '300000000',
    pilotOffered: true,
    deadline: new Date(Date.now() + 60 * DAY).toISOString(),
  });
  await corporate.post(`/api/requests/${request.id}/moderate`);
  await operator.post(`/api/requests/${request.id}/publish`);
  await corporate.close();
  await operator.close();

  // ——— the bell: the unread count, the list, one marked read, then all
  await company.reload();
  const unread = before + 1;
  const bell = company.getByRole('button', { name: new RegExp(`^Уведомления: ${unread} непрочитан`) });
  await expect(bell).toBeVisible();
  await bell.click();
  const item = company.getByRole('listitem').filter({ hasText: title });
  await expect(item).toContainText('Совпадают технологические направления вашей организации');
  await expectNoSeriousA11yViolations(company);
  await item
    .getByRole('button', { name: `Отметить прочитанным: Новый запрос по вашим направлениям: ${title}` })
    .click();
  await expect(
    company.getByRole('button', { name: new RegExp(`^Уведомления: ${unread - 1} непрочитан`) }),
  ).toBeVisible();
  await expect(item.getByRole('button', { name: /^Отметить прочитанным/ })).toHaveCount(0);
  if (unread - 1 > 0) {
    await company.getByRole('button', { name: 'Отметить все прочитанными' }).click();
  }
  await expect(company.getByRole('button', { name: /^Уведомления: 0 непрочитанных/ })).toBeVisible();

  // back to the default, so the other journeys' e-mails are as they expect
  await company.goto('/settings/notifications');
  await settingsGroup(company, 'Изменения статусов').getByRole('radio', { name: 'Сразу' }).check();
  await company.getByRole('button', { name: 'Сохранить' }).click();
  await expect(company.getByRole('status').filter({ hasText: 'Сохранено' })).toBeVisible();
  await company.context().close();
});

test('on a 375 px phone the settings open from the menu and fit the screen', async ({ browser }) => {
  const phone = await signIn(browser, COMPANY, { width: 375, height: 800 });
  await phone.getByRole('button', { name: 'Открыть меню' }).click();
  await phone.getByRole('dialog').getByRole('link', { name: 'Настройки уведомлений' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Настройки уведомлений' })).toBeVisible();
  await expect(
    settingsGroup(phone, 'Сроки через 7 дней и через 1 день').getByRole('radio', { name: 'Не присылать' }),
  ).toBeVisible();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(phone);
  await phone.context().close();
});
