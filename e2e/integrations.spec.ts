// An organization's owner connects its systems: issues an API token (shown once, then working as a bearer token),
// adds a webhook (its secret shown once), sees both listed, and revokes the token with the keyboard.
import { expect, test } from '@playwright/test';
import { innWithCheckDigits, ogrnWithCheckDigit } from '../src/shared/requisites.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';

function randomDigits(count: number): string {
  return Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');
}

test('an owner issues an API token and a webhook, sees them listed and revokes the token', async ({ page }) => {
  // the owner and the organization are made through the API: this journey is about the integrations tab
  const email = `integrator-${Date.now()}-${randomDigits(4)}@example.test`;
  const registered = await page.request.post('/api/auth/register', {
    data: { email, password: 'Klaster-2026!', fullName: 'Ирина Интеграторова' },
  });
  expect(registered.status()).toBe(201);
  const { csrfToken } = await registered.json();
  const inn = innWithCheckDigits(`77${randomDigits(7)}`);
  const created = await page.request.post('/api/organizations', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      inn,
      ogrn: ogrnWithCheckDigit(`1267700${randomDigits(5)}`),
      kpp: `${inn.slice(0, 4)}01001`,
      fullName: 'Общество с ограниченной ответственностью «Интеграция»',
      shortName: 'ООО «Интеграция»',
      legalForm: 'ООО',
      regionCode: '77',
      okvedMain: '62.01',
      smeCategory: 'small',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const organization = await created.json();

  await page.goto(`/organizations/${organization.id}`);
  await page.getByRole('tab', { name: 'Интеграции' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'API-токены' })).toBeVisible();
  await expect(page.getByText('Токенов пока нет.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // a token with two read scopes
  await page.getByRole('textbox', { name: 'Название' }).fill('ERP: выгрузка заявок');
  await page.getByRole('checkbox', { name: 'Организации: Чтение' }).check();
  await page.getByRole('checkbox', { name: 'Заявки на поддержку: Чтение' }).check();
  await page.getByRole('button', { name: 'Выпустить токен' }).click();
  await expect(page.getByText('Токен выпущен')).toBeVisible();
  await expect(page.getByText('больше он показан не будет', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Скопировать' })).toBeVisible();
  const token = ((await page.getByTestId('shown-once').textContent()) ?? '').trim();
  expect(token).toMatch(/^klt_/);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Сохранено, скрыть' }).click();
  await expect(page.getByTestId('shown-once')).toHaveCount(0);

  const tokenRow = page.getByRole('row', { name: /ERP: выгрузка заявок/ });
  await expect(tokenRow).toContainText(token.slice(0, 12));
  await expect(tokenRow).toContainText('organizations:read');
  await expect(tokenRow).toContainText('Действует');
  await expect(tokenRow).toContainText('Не использовался');

  // the token shown works as a bearer token, within its scopes
  const asToken = { headers: { authorization: `Bearer ${token}` } };
  expect((await page.request.get(`/api/organizations/${organization.id}`, asToken)).status()).toBe(200);
  expect((await page.request.get('/api/projects', asToken)).status()).toBe(403);

  // a webhook for support applications
  await page.getByRole('textbox', { name: 'Адрес' }).fill('https://hooks.example.ru/klaster');
  await page.getByRole('checkbox', { name: 'Заявки на поддержку', exact: true }).check();
  await page.getByRole('button', { name: 'Добавить вебхук' }).click();
  await expect(page.getByText('Вебхук добавлен')).toBeVisible();
  await expect(page.getByTestId('shown-once')).toContainText('whsec_');
  await page.getByRole('button', { name: 'Сохранено, скрыть' }).click();
  const webhookRow = page.getByRole('row', { name: /hooks\.example\.ru/ });
  await expect(webhookRow).toContainText('Заявки на поддержку');
  await expect(webhookRow).toContainText('Включён');
  await expect(page.getByText('Доставок пока не было.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // the token is revoked after a confirmation, with the keyboard
  await page.getByRole('button', { name: 'Отозвать токен «ERP: выгрузка заявок»' }).click();
  const dialog = page.getByRole('dialog', { name: 'Отозвать токен?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Отмена' })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Отозвать' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(tokenRow).toContainText('Отозван');
  expect((await page.request.get(`/api/organizations/${organization.id}`, asToken)).status()).toBe(401);
});
