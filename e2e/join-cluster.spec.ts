// The whole way into the cluster: a visitor signs up, registers a company and applies; the operator
// takes the application into review and approves it; the public registry then lists the company.
import { expect, type Page, test } from '@playwright/test';
import { innWithCheckDigits, ogrnWithCheckDigit } from '../src/shared/requisites.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';

const OPERATOR = { email: 'operator@klaster.demo', password: 'Demo-2026!' };

function randomDigits(count: number): string {
  return Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');
}

/** A made-up Russian word, so the registry search finds exactly this company on any rerun. */
function distinctiveWord(): string {
  const syllables = ['ка', 'ло', 'ми', 'ре', 'ту', 'зи', 'ва', 'но', 'ле', 'ро', 'са', 'ди'];
  const pick = () => syllables[Math.floor(Math.random() * syllables.length)];
  return `Аэро${pick()}${pick()}${pick()}${pick()}`;
}

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a company joins the cluster and appears in the public registry', async ({ page }) => {
  const word = distinctiveWord();
  const shortName = `ООО «${word}»`;
  const inn = innWithCheckDigits(`77${randomDigits(7)}`);
  const ogrn = ogrnWithCheckDigit(`1267700${randomDigits(5)}`);
  const email = `founder-${Date.now()}-${randomDigits(4)}@example.test`;

  // a visitor arrives and signs up
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Инновационный кластер Москвы' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('banner').getByRole('link', { name: 'Регистрация' }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // the sign-up form is filled and sent with the keyboard alone
  await page.getByLabel('Имя и фамилия').focus();
  await page.keyboard.type('Анна Основателева');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mail')).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Пароль', exact: true })).toBeFocused();
  await page.keyboard.type('Klaster-2026!');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Мои организации' })).toBeVisible();
  await expect(page.getByText('Вы пока не состоите ни в одной организации')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // the company is registered
  await page.getByRole('link', { name: 'Зарегистрировать организацию' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Регистрация организации' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await expect(page.getByRole('radio', { name: 'Юридическое лицо (ЮЛ)' })).toBeChecked();
  await page.getByRole('textbox', { name: 'ИНН', exact: true }).fill(inn);
  await page.getByRole('textbox', { name: 'ОГРН', exact: true }).fill(ogrn);
  await page.getByRole('textbox', { name: 'КПП', exact: true }).fill(`${inn.slice(0, 4)}01001`);
  await page
    .getByRole('textbox', { name: 'Полное наименование', exact: true })
    .fill(`Общество с ограниченной ответственностью «${word}»`);
  await page.getByRole('textbox', { name: 'Краткое наименование', exact: true }).fill(shortName);
  await expect(page.getByRole('textbox', { name: 'Код региона', exact: true })).toHaveValue('77');
  await chooseOption(page, 'Административный округ', 'ЮЗАО');
  await page.getByRole('textbox', { name: 'Адрес', exact: true }).fill('г. Москва, ул. Профсоюзная, д. 65');
  await page.getByRole('textbox', { name: 'Основной ОКВЭД', exact: true }).fill('62.01');
  await expect(page.getByText('Раздел J — Информация и связь')).toBeVisible();
  await chooseOption(page, 'Категория МСП', 'Малое предприятие');
  await page.getByLabel('Дата регистрации').fill('2024-03-15');
  await page.getByRole('textbox', { name: 'Численность сотрудников', exact: true }).fill('12');
  await page.getByRole('textbox', { name: 'Сайт', exact: true }).fill('https://aeroscan.example');
  await page
    .getByRole('textbox', { name: 'О деятельности' })
    .fill('Разрабатываем беспилотные аппараты для обследования кровли и фасадов зданий.');
  await page.getByRole('combobox', { name: 'Технологические направления' }).click();
  await page.getByRole('option', { name: 'Беспилотные системы' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Зарегистрировать организацию' }).click();

  // the organization's page opens on the cluster membership tab
  await expect(page.getByRole('heading', { level: 1, name: shortName })).toBeVisible();
  await expect(page).toHaveURL(/\/organizations\/[0-9a-f-]{36}\?tab=membership$/);
  await expect(page.getByRole('tab', { name: 'Членство в кластере' })).toHaveAttribute('aria-selected', 'true');
  await expectNoSeriousA11yViolations(page);

  // it applies as a participant (a Moscow company)
  await expect(page.getByRole('radio', { name: /^Участник/ })).toBeChecked();
  await page.getByRole('button', { name: 'Подать заявку' }).click();
  const currentApplication = page.getByRole('tabpanel');
  await expect(currentApplication.getByRole('heading', { name: 'Заявка на вступление в кластер' })).toBeVisible();
  await expect(currentApplication.getByText('Заявка подана').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // the founder signs out
  await page.getByRole('button', { name: /Учётная запись: Анна Основателева/ }).click();
  await page.getByRole('menuitem', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Войти' })).toBeVisible();

  // the operator signs in
  await page.getByRole('banner').getByRole('link', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('E-mail').fill(OPERATOR.email);
  await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(OPERATOR.password);
  await page.getByRole('main').getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/cabinet$/);

  // opens the queue: new applications first
  await page.getByRole('button', { name: /Учётная запись: Ольга Операторова/ }).click();
  await page.getByRole('menuitem', { name: 'Заявки на вступление' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Заявки на вступление в кластер' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Заявка подана/ })).toHaveAttribute('aria-pressed', 'true');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('searchbox', { name: 'Поиск по названию или ИНН' }).fill(inn);
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${inn}`));
  await page.getByRole('link', { name: shortName }).click();

  // opens the application, takes it into review and approves it with a reason
  await expect(page.getByRole('heading', { level: 1, name: `Заявка: ${shortName}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Взять в работу' }).click();
  await expect(page.getByRole('status').getByText('На рассмотрении')).toBeVisible();
  await page.getByRole('button', { name: 'Одобрить' }).click();

  const dialog = page.getByRole('dialog', { name: 'Одобрить заявку' });
  await expect(dialog).toBeVisible();
  // focus starts inside the dialog on the reason, and Escape closes it without deciding
  await expect(dialog.getByRole('textbox', { name: 'Причина' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Одобрить' }).click();
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // the decision needs a reason: without one the dialog refuses
  await dialog.getByRole('button', { name: 'Подтвердить одобрение' }).click();
  await expect(dialog.getByText('Укажите причину решения')).toBeVisible();
  await dialog
    .getByRole('textbox', { name: 'Причина' })
    .fill('Московская компания, профиль соответствует направлениям кластера.');
  await dialog.getByRole('button', { name: 'Подтвердить одобрение' }).click();
  await expect(dialog).toBeHidden();

  const outcome = page.getByRole('status').filter({ hasText: 'Решение сохранено' });
  await expect(outcome.getByText('Участник кластера')).toBeVisible();
  const registryNumber = (await outcome.getByTestId('registry-number').textContent())?.trim() ?? '';
  expect(registryNumber).toMatch(/^МИК-\d{4}-\d{6}$/);
  await expect(page.getByRole('heading', { level: 1 }).locator('..').getByText('Участник кластера')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // the public registry finds the company by its name, with its registry number
  await page.getByRole('banner').getByRole('link', { name: 'Реестр участников' }).click();
  await page.getByRole('searchbox', { name: 'Поиск по реестру' }).fill(word);
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page).toHaveURL(/\/registry\?q=/);
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: shortName }) });
  await expect(card).toBeVisible();
  await expect(card.getByText('Участник кластера')).toBeVisible();
  await expect(card.getByText(registryNumber)).toBeVisible();
  await expect(card.getByText(/МИК-\d{4}-\d{6}/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
