// A support measure from the catalogue to the first payment: the company applies with a PDF, the operator
// registers the file and picks an expert from the pool by hand, the expert declares no conflict and scores (reading
// the answers under the form's questions), the operator approves and records a tranche, and the company sees the
// approval, the agreement step and the tranche.
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { signIn } from './sign-in.ts';

const COMPANY = 'company@klaster.demo';
const OPERATOR = 'operator@klaster.demo';
const EXPERT = 'expert@klaster.demo';
// one expert per application and no reports: the shortest full journey among the demo measures
const MEASURE = 'Компенсация затрат на зарубежное патентование';

/** A minimal valid one-page PDF. */
function minimalPdf(): Buffer {
  const objects = [
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n',
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n',
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += object;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The CSRF token of the page's session, for the few API calls of the test setup. */
async function csrfOf(page: Page): Promise<string> {
  const me = await page.request.get('/api/auth/me');
  expect(me.ok()).toBeTruthy();
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a company receives a support measure: apply, review, approve, pay', async ({ browser }) => {
  test.setTimeout(120_000);

  // ——— the company finds an eligible measure in the catalogue
  const company = await signIn(browser, COMPANY);
  await expectNoSeriousA11yViolations(company);
  await company.getByRole('banner').getByRole('link', { name: 'Меры поддержки' }).click();
  await expect(company.getByRole('heading', { level: 1, name: 'Меры поддержки' })).toBeVisible();
  await expect(company).toHaveURL(/org=/);
  const card = company.getByRole('article').filter({ has: company.getByRole('link', { name: MEASURE }) });
  await expect(card.getByText('Доступна вам')).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  await card.getByRole('link', { name: MEASURE }).click();

  await expect(company.getByRole('heading', { level: 1, name: MEASURE })).toBeVisible();
  await expect(company.getByText('Организация может подать заявку')).toBeVisible();
  await expect(company.getByText('Договор с патентным поверенным')).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  await company.getByRole('button', { name: 'Подать заявку' }).click();

  // ——— the draft: filled, saved as typed, with a PDF uploaded
  await expect(company).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  await expect(company.getByRole('heading', { level: 1, name: /^Заявка ЗП-\d{4}-\d{6}$/ })).toBeVisible();
  await expect(company.getByText('Черновик').first()).toBeVisible();
  const requested = company.getByRole('textbox', { name: 'Запрашиваемая сумма', exact: true });
  await expect(requested).toHaveValue('1000000');
  await requested.fill('1200000');
  await expect(company.getByText('Сумма больше максимальной')).toBeVisible();
  await requested.fill('800000');
  await company.getByRole('textbox', { name: 'Название проекта' }).fill('Патент PCT на датчик давления');
  await company
    .getByRole('textbox', { name: 'Описание проекта и ожидаемых результатов' })
    .fill('Международная заявка PCT на конструкцию МЭМС-датчика давления для городских сетей.');
  await company.getByRole('textbox', { name: 'Запрашиваемая сумма, ₽' }).fill('800000');
  await company.getByLabel('Дата начала проекта').fill('2026-03-01');
  await company.getByLabel('Дата окончания проекта').fill('2026-12-31');
  await chooseOption(company, 'Стадия готовности продукта', 'Опытный образец');
  await chooseOption(company, 'Патентное ведомство', 'ВОИС (PCT)');
  await company.getByRole('textbox', { name: 'Номер патента или заявки' }).fill('PCT/RU2026/000123');
  await company.locator('input[type="file"]').setInputFiles({
    name: 'business-plan.pdf',
    mimeType: 'application/pdf',
    buffer: minimalPdf(),
  });
  await expect(company.getByRole('link', { name: 'business-plan.pdf' })).toBeVisible();
  await expect(company.getByRole('status').filter({ hasText: 'Сохранено' })).toBeVisible();
  await expectNoSeriousA11yViolations(company);

  await company.getByRole('button', { name: 'Подать заявку' }).click();
  const confirm = company.getByRole('dialog', { name: 'Подать заявку?' });
  await expect(confirm).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  await confirm.getByRole('button', { name: 'Подать', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(company.getByRole('heading', { level: 1 }).locator('..').getByText('Подана')).toBeVisible();
  const applicationUrl = company.url();
  const number = ((await company.getByRole('heading', { level: 1 }).textContent()) ?? '').replace('Заявка ', '').trim();
  await expectNoSeriousA11yViolations(company);

  // ——— the operator registers it and assigns the expert automatically
  const operator = await signIn(browser, OPERATOR);
  const experts = (await (await operator.request.get('/api/experts')).json()) as { items: unknown[] };
  if (experts.items.length === 0) {
    // test setup: the demo expert joins the pool
    const expert = await signIn(browser, EXPERT);
    const expertId = (await (await expert.request.get('/api/auth/me')).json()) as {
      user?: { id: string };
      id?: string;
    };
    await expert.context().close();
    const appointed = await operator.request.post('/api/experts', {
      headers: { 'X-CSRF-Token': await csrfOf(operator) },
      data: { userId: expertId.user?.id ?? expertId.id, expertise: ['ai'] },
    });
    expect(appointed.ok()).toBeTruthy();
  }
  await operator.getByRole('button', { name: /Учётная запись: Ольга Операторова/ }).click();
  await operator.getByRole('menuitem', { name: 'Заявки на меры поддержки' }).click();
  await expect(operator.getByRole('heading', { level: 1, name: 'Заявки на меры поддержки' })).toBeVisible();
  await expectNoSeriousA11yViolations(operator);
  await operator.getByRole('button', { name: /^Подана \(\d+\)$/ }).click();
  await operator.getByRole('searchbox', { name: 'Поиск по номеру, организации или мере' }).fill(number);
  await operator.getByRole('button', { name: 'Найти' }).click();
  await operator.getByRole('link', { name: number }).click();
  await expect(operator.getByRole('heading', { level: 1, name: `Заявка ${number}` })).toBeVisible();
  await expect(operator.getByRole('link', { name: 'business-plan.pdf' })).toBeVisible();
  await expectNoSeriousA11yViolations(operator);
  await operator.getByRole('button', { name: 'Зарегистрировать' }).click();
  await expect(operator.getByRole('heading', { level: 1 }).locator('..').getByText('Зарегистрирована')).toBeVisible();
  // the operator picks the expert by hand from the pool, which shows expertise and load
  const pool = operator.getByRole('group', { name: 'Эксперты из пула' });
  await expect(pool.getByRole('columnheader', { name: 'Открытых экспертиз' })).toBeVisible();
  await expect(operator.getByRole('button', { name: 'Назначить экспертов автоматически' })).toBeVisible();
  await operator.getByRole('button', { name: 'Назначить выбранных (0)' }).click();
  await expect(operator.getByText('Отметьте хотя бы одного эксперта')).toBeVisible();
  await expectNoSeriousA11yViolations(operator);
  await pool.getByRole('checkbox', { name: 'Эдуард Экспертов' }).check();
  await operator.getByRole('button', { name: 'Назначить выбранных (1)' }).click();
  await expect(operator.getByRole('heading', { level: 1 }).locator('..').getByText('На экспертизе')).toBeVisible();
  await expect(
    operator.getByRole('table', { name: 'Экспертиза' }).getByRole('cell', { name: 'Эдуард Экспертов' }),
  ).toBeVisible();
  await expect(pool).toBeHidden();
  await expectNoSeriousA11yViolations(operator);

  // ——— the expert declares no conflict and scores every criterion
  const expert = await signIn(browser, EXPERT);
  await expert.getByRole('button', { name: /Учётная запись/ }).click();
  await expert.getByRole('menuitem', { name: 'Экспертиза' }).click();
  await expect(expert.getByRole('heading', { level: 1, name: 'Экспертиза заявок' })).toBeVisible();
  await expectNoSeriousA11yViolations(expert);
  await expert.getByRole('link', { name: new RegExp(number) }).click();
  await expect(expert.getByRole('heading', { level: 1, name: `Экспертиза заявки ${number}` })).toBeVisible();
  await expectNoSeriousA11yViolations(expert);
  const open = expert.getByRole('button', { name: 'Подтвердить и открыть заявку' });
  await expect(open).toBeDisabled();
  await expert.getByRole('checkbox', { name: 'Подтверждаю отсутствие конфликта интересов' }).check();
  await open.click();
  await expect(expert.getByRole('heading', { name: 'Оценка по критериям' })).toBeVisible();
  await expect(expert.getByRole('link', { name: 'business-plan.pdf' })).toBeVisible();
  // the answers come with the form's questions, not the field keys
  await expect(expert.getByRole('rowheader', { name: 'Название проекта' })).toBeVisible();
  const scores = expert.getByRole('textbox', { name: /\(0–10\)/ });
  const count = await scores.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) await scores.nth(index).fill('8');
  const comments = expert.getByRole('textbox', { name: /^Комментарий: / });
  for (let index = 0; index < count; index += 1) await comments.nth(index).fill('Убедительно, план понятен.');
  await chooseOption(expert, 'Рекомендация', 'Поддержать');
  await expectNoSeriousA11yViolations(expert);
  await expert.getByRole('button', { name: 'Отправить оценку' }).click();
  await expect(expert.getByText('Ваш итоговый балл: 80 из 100')).toBeVisible();
  await expectNoSeriousA11yViolations(expert);

  // ——— the operator approves with an amount and records the first tranche
  await operator.reload();
  await expect(operator.getByText('Согласованная оценка')).toBeVisible();
  await expect(operator.getByRole('cell', { name: 'Поддержать' })).toBeVisible();
  await operator.getByRole('button', { name: 'Принять решение' }).click();
  const decision = operator.getByRole('dialog', { name: 'Решение по заявке' });
  await expect(decision).toBeVisible();
  await decision.getByRole('textbox', { name: 'Одобренная сумма' }).fill('900000');
  await decision.getByRole('button', { name: 'Подтвердить одобрение' }).click();
  await expect(decision.getByText('Сумма больше запрошенной')).toBeVisible();
  await expect(decision.getByText('Укажите обоснование решения')).toBeVisible();
  await decision.getByRole('textbox', { name: 'Одобренная сумма' }).fill('750000');
  await decision.getByRole('textbox', { name: 'Обоснование решения' }).fill('Высокая оценка эксперта.');
  await expectNoSeriousA11yViolations(operator);
  await decision.getByRole('button', { name: 'Подтвердить одобрение' }).click();
  await expect(decision).toBeHidden();
  await expect(operator.getByRole('heading', { level: 1 }).locator('..').getByText('Одобрена')).toBeVisible();
  await expectNoSeriousA11yViolations(operator);

  // ——— the company sees the approval and signs the agreement
  await company.goto(applicationUrl);
  await expect(company.getByRole('heading', { level: 1 }).locator('..').getByText('Одобрена')).toBeVisible();
  await expect(company.getByText('Заявка одобрена')).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  await company.getByRole('button', { name: 'Подписать соглашение' }).click();
  const sign = company.getByRole('dialog', { name: 'Подписать соглашение' });
  await expect(sign).toBeVisible();
  await sign.getByRole('button', { name: 'Подписать', exact: true }).click();
  await expect(
    company.getByRole('heading', { level: 1 }).locator('..').getByText('Соглашение подписано'),
  ).toBeVisible();

  // ——— the operator records the first tranche
  await operator.reload();
  await operator.getByRole('button', { name: 'Записать транш' }).click();
  const tranche = operator.getByRole('dialog', { name: 'Записать выплату транша' });
  await expect(tranche).toBeVisible();
  await tranche.getByRole('textbox', { name: 'Сумма транша' }).fill('500000');
  await tranche.getByRole('textbox', { name: /^Этап/ }).fill('Подача международной заявки');
  await expectNoSeriousA11yViolations(operator);
  await tranche.getByRole('button', { name: 'Записать транш' }).click();
  await expect(tranche).toBeHidden();
  await expect(operator.getByRole('cell', { name: 'Подача международной заявки' })).toBeVisible();

  // ——— the company sees the tranche
  await company.reload();
  await expect(company.getByRole('heading', { level: 1 }).locator('..').getByText('Выплаты')).toBeVisible();
  await expect(company.getByRole('cell', { name: 'Подача международной заявки' })).toBeVisible();
  await expect(company.getByText(/Выплачено 500\s000,00\s₽ из 750\s000,00\s₽/)).toBeVisible();
  await expectNoSeriousA11yViolations(company);

  // ——— and finds it in the cabinet
  await company.getByRole('link', { name: 'В кабинет' }).click();
  await expect(company.getByRole('link', { name: MEASURE })).toBeVisible();
  await expectNoSeriousA11yViolations(company);
});
