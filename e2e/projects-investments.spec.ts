// Projects and investments as people do them: a company records a project and invites a corporation of the cluster,
// whose manager confirms from the cabinet; the lead marks it implemented and it shows in the public showcase as a
// joint project. Then an investor opens a deal with the company, moves it on, closes and confirms it; the company
// confirms too, and the deal counts as investment attracted. Every page visited gets an accessibility scan.
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { signIn } from './sign-in.ts';

const COMPANY = 'company@klaster.demo';
const CORPORATE = 'corporate@klaster.demo';
const INVESTOR = 'investor@klaster.demo';
const COMPANY_ORG = 'ООО «Демо Технологии»';
const CORPORATE_ORG = 'ПАО «Московская энергетическая корпорация»';
const INVESTOR_ORG = 'АО «Венчурный фонд Демо»';

// both the company and the corporation are cluster participants: once the corporation confirms, the project is joint
const TITLE = `Тепловизионный контроль кабельных линий ${Date.now().toString(36)}`;
const DESCRIPTION = 'Дроны с тепловизорами облетают кабельные линии 10 кВ и находят перегрев муфт до аварии.';

async function pickOptions(page: Page, label: string, options: string[]) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

async function pickOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A search select: type, then choose the option whose text starts with `name`. */
async function searchAndPick(scope: Page, label: string, text: string, name: string) {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(text);
  await scope.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
}

test('a joint project from invitation to showcase; a deal from intro to counted investment', async ({ browser }) => {
  test.setTimeout(300_000);

  // ——— the company records a project
  const company = await signIn(browser, COMPANY);
  await company.getByRole('banner').getByRole('link', { name: 'Проекты' }).click();
  await expect(company.getByRole('heading', { level: 1, name: 'Инновационные проекты' })).toBeVisible();
  await expect(company.getByTestId('projects-total')).toHaveText(/Найден/);
  await expectNoSeriousA11yViolations(company);
  await company.getByRole('link', { name: 'Новый проект' }).click();

  await expect(company.getByRole('heading', { level: 1, name: 'Новый проект' })).toBeVisible();
  await expect(company.getByRole('combobox', { name: 'Ведущая организация' })).toHaveValue(COMPANY_ORG);
  // nothing is sent while the required fields are empty
  await company.getByRole('button', { name: 'Создать проект' }).click();
  await expect(company.getByText('Исправьте отмеченные поля')).toBeVisible();
  await expect(company.getByText('Выберите уровень от 1 до 9')).toBeVisible();
  await expectNoSeriousA11yViolations(company);

  await company.getByRole('textbox', { name: 'Название проекта' }).fill(TITLE);
  await company.getByRole('textbox', { name: 'Описание' }).fill(DESCRIPTION);
  await pickOptions(company, 'Технологии', ['Беспилотные системы', 'Энергетика']);
  await pickOption(company, 'Уровень готовности технологии (УГТ)', 'УГТ 6');
  await pickOption(company, 'Этап работ', 'Испытания');
  await company.getByRole('textbox', { name: 'Бюджет, ₽' }).fill('12 500 000');
  await expect(company.getByText('Исправьте отмеченные поля')).toBeHidden();
  await company.getByRole('button', { name: 'Создать проект' }).click();

  // ——— the project's page: planned, seen by its organizations only; the lead invites the corporation
  await expect(company).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  const projectUrl = company.url();
  await expect(company.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const header = company.getByRole('heading', { level: 1 }).locator('../..');
  await expect(header.getByText('Запланирован', { exact: true })).toBeVisible();
  const number = (await header.getByText(/^ПР-\d{4}-\d{6} · /).textContent())?.split(' · ')[0] ?? '';
  expect(number).toMatch(/^ПР-\d{4}-\d{6}$/);
  await expect(company.getByText('12 500 000,00 ₽')).toBeVisible();
  await expectNoSeriousA11yViolations(company);

  await company.getByRole('button', { name: 'Пригласить партнёра' }).click();
  const invite = company.getByRole('dialog', { name: 'Пригласить партнёра' });
  await expect(invite).toBeVisible();
  await invite.getByRole('button', { name: 'Пригласить', exact: true }).click();
  await expect(invite.getByText('Выберите организацию')).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  // a dialog closes on Escape without doing anything
  await company.keyboard.press('Escape');
  await expect(invite).toBeHidden();
  await company.getByRole('button', { name: 'Пригласить партнёра' }).click();
  await expect(invite).toBeVisible();
  await searchAndPick(company, 'Организация', 'Московская энергетическая', CORPORATE_ORG);
  await invite.getByRole('textbox', { name: 'Роль в проекте' }).fill('испытательная площадка');
  await invite.getByRole('button', { name: 'Пригласить', exact: true }).click();
  await expect(invite).toBeHidden();
  const partners = company.getByRole('list', { name: 'Организации проекта' });
  const partnerCard = partners.getByRole('listitem').filter({ hasText: CORPORATE_ORG });
  await expect(partnerCard.getByText('Приглашён', { exact: true })).toBeVisible();
  await expect(partnerCard.getByText('испытательная площадка')).toBeVisible();

  // ——— the corporation's manager answers from the cabinet
  const corporate = await signIn(browser, CORPORATE);
  const invitation = corporate
    .getByRole('listitem')
    .filter({ has: corporate.getByRole('link', { name: TITLE }) })
    .first();
  await expect(corporate.getByText(/приглашени[ея] в проект/).first()).toBeVisible();
  await expect(invitation.getByText(number)).toBeVisible();
  await expectNoSeriousA11yViolations(corporate);
  await invitation.getByRole('button', { name: 'Подтвердить участие' }).click();
  const confirmParticipation = corporate.getByRole('dialog', { name: 'Подтвердить участие в проекте?' });
  await expect(confirmParticipation).toBeVisible();
  await expectNoSeriousA11yViolations(corporate);
  await confirmParticipation.getByRole('button', { name: 'Подтвердить', exact: true }).click();
  await expect(confirmParticipation).toBeHidden();
  await expect(corporate.getByText('Участие подтверждено — проект стал совместным')).toBeVisible();

  // ——— the lead sees the project joint and marks it implemented
  await company.reload();
  await expect(header.getByText('Совместный проект')).toBeVisible();
  await expect(partnerCard.getByText('Участие подтверждено', { exact: true })).toBeVisible();
  await company.getByRole('button', { name: 'Начать' }).click();
  const start = company.getByRole('dialog', { name: 'Начать проект?' });
  await start.getByRole('button', { name: 'Начать', exact: true }).click();
  await expect(start).toBeHidden();
  await expect(header.getByText('Выполняется', { exact: true })).toBeVisible();
  await company.getByRole('button', { name: 'Отметить реализованным' }).click();
  const implement = company.getByRole('dialog', { name: 'Отметить проект реализованным?' });
  await expect(implement).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  await implement.getByRole('button', { name: 'Отметить реализованным', exact: true }).click();
  await expect(implement).toBeHidden();
  await expect(header.getByText('Реализован', { exact: true })).toBeVisible();
  await expect(company.getByRole('button', { name: 'Отменить проект' })).toBeHidden();
  await expectNoSeriousA11yViolations(company);

  // ——— the public showcase lists it as joint, for a guest too
  const guest = await (await browser.newContext()).newPage();
  await guest.goto('/projects?joint=true');
  await guest.getByRole('searchbox', { name: 'Поиск по проектам' }).fill(number);
  await guest.getByRole('button', { name: 'Найти' }).click();
  await expect(guest).toHaveURL(/joint=true/);
  const card = guest.getByRole('article').filter({ has: guest.getByRole('link', { name: TITLE }) });
  await expect(card.getByText('Совместный проект')).toBeVisible();
  await expect(card.getByText(`${number} · Ведущая: ${COMPANY_ORG}`, { exact: false })).toBeVisible();
  await expect(card.getByText(/Реализован в \d{4} году · 2 участника кластера/)).toBeVisible();
  await expect(card.getByText('Беспилотные системы')).toBeVisible();
  await expectNoSeriousA11yViolations(guest);
  await card.getByRole('link', { name: TITLE }).click();
  await expect(guest).toHaveURL(projectUrl);
  await expect(guest.getByRole('list', { name: 'Организации проекта' }).getByText(CORPORATE_ORG)).toBeVisible();
  await expect(guest.getByRole('button', { name: 'Отметить реализованным' })).toBeHidden();
  await expectNoSeriousA11yViolations(guest);

  // ——— an investor opens a deal with the company
  const investor = await signIn(browser, INVESTOR);
  await investor.getByRole('banner').getByRole('link', { name: 'Инвестиции' }).click();
  await expect(investor.getByRole('heading', { level: 1, name: 'Инвестиции' })).toBeVisible();
  await expect(investor.getByText('Привлечено инвестиций через платформу')).toBeVisible();
  await expectNoSeriousA11yViolations(investor);
  await investor.getByRole('link', { name: 'Сделки' }).click();
  await expect(investor.getByRole('heading', { level: 1, name: 'Сделки' })).toBeVisible();
  await expectNoSeriousA11yViolations(investor);
  await investor.getByRole('link', { name: 'Новая сделка' }).click();
  await expect(investor.getByRole('heading', { level: 1, name: 'Новая сделка' })).toBeVisible();
  await expect(investor.getByRole('combobox', { name: 'Моя организация' })).toHaveValue(INVESTOR_ORG);
  await expect(investor.getByRole('radio', { name: 'Инвестор' })).toBeChecked();
  await searchAndPick(investor, 'Компания', 'Демо Технологии', COMPANY_ORG);
  await pickOption(investor, 'Раунд', 'Посевной (seed)');
  await pickOption(investor, 'Инструмент', 'Доля в капитале');
  await investor.getByRole('textbox', { name: 'Сумма сделки, ₽' }).fill('25 000 000');
  await pickOption(investor, 'Проект', `${number} · ${TITLE}`);
  await expectNoSeriousA11yViolations(investor);
  await investor.getByRole('button', { name: 'Открыть сделку' }).click();

  await expect(investor).toHaveURL(/\/deals\/[0-9a-f-]{36}$/);
  const dealUrl = investor.url();
  const dealHeader = investor.getByRole('heading', { level: 1 }).locator('../..');
  await expect(investor.getByRole('heading', { level: 1, name: /^Сделка СД-\d{4}-\d{6}$/ })).toBeVisible();
  const dealNumber = ((await investor.getByRole('heading', { level: 1 }).textContent()) ?? '').replace('Сделка ', '');
  await expect(dealHeader.getByText('Знакомство', { exact: true })).toBeVisible();
  await expect(investor.getByText('25 000 000,00 ₽')).toBeVisible();
  await expect(investor.getByTestId('deal-counting')).toContainText('Пока не учитывается');
  await expectNoSeriousA11yViolations(investor);

  await investor.getByRole('button', { name: 'Следующий этап' }).click();
  const advance = investor.getByRole('dialog', { name: 'Перевести сделку на следующий этап?' });
  await advance.getByRole('button', { name: 'Перевести' }).click();
  await expect(advance).toBeHidden();
  await expect(dealHeader.getByText('Проверка (due diligence)', { exact: true })).toBeVisible();

  await investor.getByRole('button', { name: 'Закрыть сделку' }).click();
  const closing = investor.getByRole('dialog', { name: 'Закрыть сделку?' });
  await expect(closing.getByRole('textbox', { name: 'Итоговая сумма, ₽' })).toHaveValue('25000000');
  await expectNoSeriousA11yViolations(investor);
  await closing.getByRole('button', { name: 'Закрыть сделку' }).click();
  await expect(closing).toBeHidden();
  await expect(dealHeader.getByText('Закрыта', { exact: true })).toBeVisible();
  await expect(investor.getByTestId('deal-counting')).toContainText('ждёт подтверждения');
  await investor.getByRole('button', { name: `Подтвердить за ${INVESTOR_ORG}` }).click();
  const confirmInvestor = investor.getByRole('dialog', { name: 'Подтвердить сделку?' });
  await confirmInvestor.getByRole('button', { name: 'Подтвердить', exact: true }).click();
  await expect(confirmInvestor).toBeHidden();
  await expect(investor.getByTestId('deal-counting')).toContainText(COMPANY_ORG);
  await expect(investor.getByRole('button', { name: `Оспорить за ${INVESTOR_ORG}` })).toBeHidden();
  await expectNoSeriousA11yViolations(investor);

  // ——— the company finds the deal in its list and confirms: now it counts
  await company.goto('/deals');
  await expect(company.getByRole('heading', { level: 1, name: 'Сделки' })).toBeVisible();
  const row = company.getByRole('row').filter({ has: company.getByRole('link', { name: dealNumber }) });
  await expect(row.getByText('Ждёт подтверждения')).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  await row.getByRole('link', { name: dealNumber }).click();
  await expect(company).toHaveURL(dealUrl);
  await company.getByRole('button', { name: `Подтвердить за ${COMPANY_ORG}` }).click();
  const confirmCompany = company.getByRole('dialog', { name: 'Подтвердить сделку?' });
  await expect(confirmCompany).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  await confirmCompany.getByRole('button', { name: 'Подтвердить', exact: true }).click();
  await expect(confirmCompany).toBeHidden();
  await expect(company.getByTestId('deal-counting')).toContainText('Учитывается как привлечённые инвестиции');
  await expect(
    company.getByRole('heading', { level: 1 }).locator('../..').getByText('Учтена в инвестициях'),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(company);

  // ——— the deal names its project
  await expect(company.getByRole('link', { name: `${number} · ${TITLE}` })).toBeVisible();

  // ——— the public total includes it
  await guest.goto('/investments');
  await expect(guest.getByTestId('investment-total')).not.toHaveText('0,00 ₽');
  await expectNoSeriousA11yViolations(guest);
});
