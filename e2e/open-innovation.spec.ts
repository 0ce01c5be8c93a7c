// Open innovation from the customer's task to the company's reading of it: the corporation writes a request with
// NDA terms and sends it to moderation, the operator publishes it from the moderation queue, and a company opens
// it, finds the description closed, accepts the terms for its organization and reads the description.
// Every page visited gets an accessibility scan.
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { signIn } from './sign-in.ts';

const CUSTOMER = 'corporate@klaster.demo';
const OPERATOR = 'operator@klaster.demo';
const COMPANY = 'company@klaster.demo';
const CUSTOMER_ORG = 'ПАО «Московская энергетическая корпорация»';
const COMPANY_ORG = 'ООО «Демо Технологии»';

const TITLE = 'Диагностика трансформаторов по акустическим шумам';
const BRIEF = 'Ищем систему, которая по звуку работающего трансформатора заранее предупреждает о неисправности.';
const DESCRIPTION =
  'Парк 340 силовых трансформаторов 110/10 кВ; записи шумов за два года; интеграция с АСУ ТП по МЭК 61850.';
const NDA = 'Компания не раскрывает сведения о схеме сети и записи шумов третьим лицам в течение трёх лет.';

async function pickOptions(page: Page, label: string, options: string[]) {
  await page.getByRole('combobox', { name: label }).click();
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** `YYYY-MM-DDTHH:mm` some weeks ahead, the value of a datetime-local input. */
function deadlineInWeeks(weeks: number): string {
  const date = new Date(Date.now() + weeks * 7 * 24 * 3600 * 1000);
  return `${date.toISOString().slice(0, 10)}T18:00`;
}

test('a request with NDA terms: written, moderated, published, read after accepting the terms', async ({ browser }) => {
  test.setTimeout(240_000);

  // ——— the customer writes the request from the catalogue
  const customer = await signIn(browser, CUSTOMER);
  await customer.getByRole('banner').getByRole('link', { name: 'Запросы' }).click();
  await expect(customer.getByRole('heading', { level: 1, name: 'Запросы на инновационные решения' })).toBeVisible();
  await expect(customer.getByTestId('requests-total')).toHaveText(/Найден/);
  await expectNoSeriousA11yViolations(customer);
  await customer.getByRole('link', { name: 'Новый запрос' }).click();

  await expect(customer.getByRole('heading', { level: 1, name: 'Новый запрос' })).toBeVisible();
  await expect(customer.getByRole('combobox', { name: 'Организация-заказчик' })).toHaveValue(CUSTOMER_ORG);
  // the browser's own checks come first: nothing is sent while required fields are empty
  await customer.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(customer.getByText('Исправьте отмеченные поля')).toBeVisible();
  await expect(customer.getByText('Название — не короче 5 символов')).toBeVisible();
  await expectNoSeriousA11yViolations(customer);

  await customer.getByRole('radio', { name: 'Корпоративный' }).check();
  await customer.getByRole('textbox', { name: 'Название запроса' }).fill(TITLE);
  await customer.getByRole('textbox', { name: 'Кратко о задаче' }).fill(BRIEF);
  await customer.getByRole('textbox', { name: 'Полное описание задачи' }).fill(DESCRIPTION);
  await pickOptions(customer, 'Сферы', ['Энергетика']);
  await pickOptions(customer, 'Технологии', ['Искусственный интеллект', 'Интернет вещей']);
  await pickOptions(customer, 'Типы задач', ['Мониторинг']);
  await customer.getByRole('textbox', { name: 'Ожидаемый результат' }).fill('Предупреждение о дефекте за 30 дней.');
  await customer.getByLabel('Срок приёма решений').fill(deadlineInWeeks(8));
  await customer.getByRole('textbox', { name: 'Бюджет, ₽' }).fill('2 500 000');
  await customer.getByRole('checkbox', { name: 'Предлагаем победителю оплачиваемое пилотирование' }).check();
  await customer.getByRole('textbox', { name: 'Условия конфиденциальности (NDA)' }).fill(NDA);
  await expect(customer.getByText('Исправьте отмеченные поля')).toBeHidden();
  await customer.getByRole('button', { name: 'Сохранить черновик' }).click();

  // ——— the draft: saved as it is typed, then sent to moderation
  await expect(customer).toHaveURL(/\/requests\/[0-9a-f-]{36}\/edit$/);
  await expect(customer.getByRole('heading', { level: 1, name: 'Черновик запроса' })).toBeVisible();
  const header = customer.getByRole('heading', { level: 1 }).locator('../..');
  await expect(header.getByText('Черновик', { exact: true })).toBeVisible();
  const number = (await header.getByText(/^ЗИ-\d{4}-\d{6} · /).textContent())?.split(' · ')[0] ?? '';
  expect(number).toMatch(/^ЗИ-\d{4}-\d{6}$/);
  await customer.getByRole('textbox', { name: 'Бюджет, ₽' }).fill('3 000 000');
  await expect(customer.getByRole('status').filter({ hasText: 'Сохранено' })).toBeVisible();
  await expectNoSeriousA11yViolations(customer);
  await customer.getByRole('button', { name: 'Отправить на модерацию' }).click();
  const send = customer.getByRole('dialog', { name: 'Отправить на модерацию?' });
  await expect(send).toBeVisible();
  await expectNoSeriousA11yViolations(customer);
  await send.getByRole('button', { name: 'Отправить', exact: true }).click();
  await expect(customer).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  const requestUrl = customer.url();
  await expect(customer.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(customer.getByText('На модерации', { exact: true }).first()).toBeVisible();
  await expect(customer.getByText('3 000 000,00 ₽')).toBeVisible();
  // the customer reads its own description; nobody else does yet
  await expect(customer.getByTestId('request-description')).toHaveText(DESCRIPTION);
  await expectNoSeriousA11yViolations(customer);

  // ——— the operator publishes it from the moderation queue
  const operator = await signIn(browser, OPERATOR);
  await operator.getByRole('button', { name: /Учётная запись: Ольга Операторова/ }).click();
  await operator.getByRole('menuitem', { name: 'Модерация запросов' }).click();
  await expect(operator.getByRole('heading', { level: 1, name: 'Модерация запросов' })).toBeVisible();
  await expect(operator.getByRole('button', { name: /^На модерации \(\d+\)$/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expectNoSeriousA11yViolations(operator);
  await operator.getByRole('searchbox', { name: 'Поиск по номеру, названию или описанию' }).fill(number);
  await operator.getByRole('button', { name: 'Найти' }).click();
  await operator.getByRole('link', { name: number }).click();
  await expect(operator.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expectNoSeriousA11yViolations(operator);
  // a dialog closes on Escape without doing anything
  await operator.getByRole('button', { name: 'Вернуть с комментарием' }).click();
  const returning = operator.getByRole('dialog', { name: 'Вернуть запрос на доработку' });
  await expect(returning).toBeVisible();
  await returning.getByRole('button', { name: 'Вернуть', exact: true }).click();
  await expect(returning.getByText('Напишите комментарий')).toBeVisible();
  await expectNoSeriousA11yViolations(operator);
  await operator.keyboard.press('Escape');
  await expect(returning).toBeHidden();
  await operator.getByRole('button', { name: 'Опубликовать' }).click();
  const publish = operator.getByRole('dialog', { name: 'Опубликовать запрос?' });
  await expect(publish).toBeVisible();
  await publish.getByRole('button', { name: 'Опубликовать', exact: true }).click();
  await expect(publish).toBeHidden();
  await expect(operator.getByRole('heading', { level: 1 }).locator('../..').getByText('Опубликован')).toBeVisible();
  await expect(operator.getByText('Решения принимаются')).toBeVisible();
  await expectNoSeriousA11yViolations(operator);

  // ——— a company finds it, reads the teaser, accepts the NDA terms and reads the description
  const company = await signIn(browser, COMPANY);
  await company.goto('/requests');
  await company.getByRole('searchbox', { name: 'Поиск по запросам' }).fill('трансформаторов акустическим');
  await company.getByRole('button', { name: 'Найти' }).click();
  const card = company.getByRole('article').filter({ has: company.getByRole('link', { name: TITLE }) });
  await expect(card.getByText(number, { exact: false })).toBeVisible();
  await expect(card.getByText('Корпоративный')).toBeVisible();
  await expect(card.getByText(/Бюджет 3\s000\s000,00\s₽/)).toBeVisible();
  await expect(card.getByText('Полное описание — после принятия условий конфиденциальности')).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  await card.getByRole('link', { name: TITLE }).click();

  await expect(company).toHaveURL(requestUrl);
  await expect(company.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(company.getByText(BRIEF)).toBeVisible();
  await expect(company.getByText(DESCRIPTION)).toHaveCount(0);
  await expect(company.getByRole('heading', { name: 'Описание под условиями конфиденциальности' })).toBeVisible();
  await expect(company.getByRole('region', { name: 'Условия конфиденциальности' })).toHaveText(NDA);
  await expect(company.getByRole('link', { name: 'Ответить решением' })).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  await expect(company.getByRole('combobox', { name: 'От имени организации' })).toHaveValue(COMPANY_ORG);
  await company.getByRole('button', { name: 'Принимаю условия' }).click();
  await expect(company.getByTestId('request-description')).toHaveText(DESCRIPTION);
  await expect(company.getByText(`Условия приняты от имени ${COMPANY_ORG}`)).toBeVisible();
  await expectNoSeriousA11yViolations(company);

  // ═══ SOLUTIONS ═════════════════════════════════════════════════════════════════════════════════════════════
  // The company answers with a solution (the draft saved as it is typed, a PDF attached, then sent), the customer
  // opens the request's solutions, scores the solution on every criterion, tries to decline it without a reason,
  // shortlists it, and the company sees «В шорт-листе»; then the customer closes the request and sums it up.
  const SUMMARY = 'Акустический мониторинг трансформаторов: нейросеть на шумах за 30 дней предупреждает о дефекте.';
  const SOLUTION_DESCRIPTION =
    'Датчики на баке, граничные вычисления, модель на 2 млн часов записей, выгрузка в АСУ ТП.';
  const minimalPdf = (): Buffer => {
    const objects = [
      '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n',
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n',
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n',
    ];
    let pdf = '%PDF-1.4\n';
    const offsets: number[] = [];
    for (const object of objects) {
      offsets.push(pdf.length);
      pdf += object;
    }
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
    pdf += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(pdf, 'latin1');
  };

  // ——— the company answers: the draft is created once the summary, TRL and a team member are there
  await company.getByRole('link', { name: 'Ответить решением' }).click();
  await expect(company).toHaveURL(/\/requests\/[0-9a-f-]{36}\/solutions\/new$/);
  await expect(company.getByRole('heading', { level: 1, name: 'Отклик на запрос' })).toBeVisible();
  await expect(company.getByRole('combobox', { name: 'Организация' })).toHaveValue(COMPANY_ORG);
  await expectNoSeriousA11yViolations(company);
  await company.getByRole('textbox', { name: 'Краткое описание' }).fill(SUMMARY);
  await expect(company.getByText(`${SUMMARY.length} из 500 символов`)).toBeVisible();
  await expect(company.getByRole('status').filter({ hasText: 'Черновик сохранится' })).toBeVisible();
  await company.getByRole('textbox', { name: 'Описание решения' }).fill(SOLUTION_DESCRIPTION);
  await company
    .getByRole('textbox', { name: 'Новизна и интеллектуальная собственность' })
    .fill('Патент на способ выделения признаков дефекта из шума.');
  await company.getByRole('combobox', { name: 'Уровень готовности технологии (TRL)' }).click();
  await company.getByRole('option', { name: '7 — прототип показан в реальных условиях' }).click();
  await company.getByRole('textbox', { name: 'Имя участника 1' }).fill('Анна Акустикова');
  await company.getByRole('textbox', { name: 'Роль участника 1' }).fill('Руководитель проекта');
  await company.getByRole('button', { name: 'Добавить участника' }).click();
  await company.getByRole('textbox', { name: 'Имя участника 2' }).fill('Борис Сигналов');
  await expect(company.getByText('Укажите роль')).toBeVisible();
  await company.getByRole('textbox', { name: 'Роль участника 2' }).fill('Инженер данных');
  await company.getByRole('textbox', { name: 'Оценка стоимости' }).fill('1 800 000');
  await company.getByRole('textbox', { name: 'План пилотирования' }).fill('Три подстанции, 3 месяца, 12 датчиков.');
  await company.locator('input[type="file"]').setInputFiles({
    name: 'presentation.pdf',
    mimeType: 'application/pdf',
    buffer: minimalPdf(),
  });
  await expect(company.getByRole('link', { name: 'presentation.pdf' })).toBeVisible();
  await expect(company.getByText(/Черновик РШ-\d{4}-\d{6} создан\./)).toBeVisible();
  await expect(company.getByRole('status').filter({ hasText: 'Сохранено' })).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  await company.getByRole('button', { name: 'Отправить', exact: true }).click();
  const sendSolution = company.getByRole('dialog', { name: 'Отправить отклик заказчику?' });
  await expect(sendSolution).toBeVisible();
  await expectNoSeriousA11yViolations(company);
  await sendSolution.getByRole('button', { name: 'Отправить', exact: true }).click();
  await expect(company).toHaveURL(/\/solutions\/[0-9a-f-]{36}$/);
  const solutionUrl = company.url();
  const solutionHeading = company.getByRole('heading', { level: 1, name: /^Отклик РШ-\d{4}-\d{6}$/ });
  await expect(solutionHeading).toBeVisible();
  const solutionNumber = ((await solutionHeading.textContent()) ?? '').replace('Отклик ', '');
  await expect(solutionHeading.locator('..').getByText('Подан', { exact: true })).toBeVisible();
  await expect(company.getByText(SOLUTION_DESCRIPTION)).toBeVisible();
  await expect(company.getByRole('button', { name: 'Отозвать' })).toBeVisible();
  await expectNoSeriousA11yViolations(company);

  // ——— the customer opens the request's solutions and the solution
  await customer.goto(requestUrl);
  await customer.getByRole('link', { name: 'Решения', exact: true }).click();
  await expect(customer).toHaveURL(/\/requests\/[0-9a-f-]{36}\/solutions$/);
  await expect(customer.getByRole('heading', { level: 1, name: 'Отклики на запрос' })).toBeVisible();
  await expect(customer.getByRole('button', { name: 'Подан (1)' })).toBeVisible();
  const row = customer.getByRole('row').filter({ has: customer.getByRole('link', { name: COMPANY_ORG }) });
  await expect(row.getByText(solutionNumber)).toBeVisible();
  await expect(row.getByText(/^1\s800\s000,00\s₽$/)).toBeVisible();
  await expect(row.getByText('Подан', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(customer);
  await row.getByRole('link', { name: COMPANY_ORG }).click();
  await expect(customer).toHaveURL(solutionUrl);
  await expect(customer.getByText(SUMMARY)).toBeVisible();
  await expect(customer.getByRole('link', { name: 'presentation.pdf' })).toBeVisible();
  await expect(customer.getByText('Оценок пока нет.')).toBeVisible();
  await expectNoSeriousA11yViolations(customer);

  // scores on the default criteria K1–K5 (weights 20, 20, 25, 15, 20): 8, 7, 9, 6, 8 of 10 → 78 of 100
  const marks: Array<[string, string]> = [
    ['Команда', '8'],
    ['Новизна и интеллектуальная собственность', '7'],
    ['Соответствие задаче', '9'],
    ['Масштабируемость', '6'],
    ['План внедрения и риски', '8'],
  ];
  await customer.getByRole('button', { name: 'Отправить оценку' }).click();
  await expect(customer.getByText('Поставьте балл').first()).toBeVisible();
  for (const [criterion, score] of marks) {
    await customer.getByRole('textbox', { name: `${criterion} (0–10)` }).fill(score);
    await customer.getByRole('textbox', { name: `Комментарий: ${criterion}` }).fill(`Оценка ${score}: обосновано.`);
  }
  await customer.getByRole('button', { name: 'Отправить оценку' }).click();
  await expect(customer.getByText('Ваш итоговый балл: 78 из 100')).toBeVisible();
  await expect(customer.getByText('Средний балл: 78 из 100 (1 оценка)')).toBeVisible();
  await expectNoSeriousA11yViolations(customer);

  // a decline needs a reason; the dialog closes on Escape and nothing happens
  await customer.getByRole('button', { name: 'Отклонить' }).click();
  const decline = customer.getByRole('dialog', { name: 'Отклонить отклик' });
  await expect(decline).toBeVisible();
  await decline.getByRole('button', { name: 'Отклонить отклик' }).click();
  await expect(decline.getByText('Укажите причину отказа')).toBeVisible();
  await expectNoSeriousA11yViolations(customer);
  await customer.keyboard.press('Escape');
  await expect(decline).toBeHidden();

  await customer.getByRole('button', { name: 'В шорт-лист' }).click();
  const customerHeading = customer.getByRole('heading', { level: 1 }).locator('..');
  await expect(customerHeading.getByText('В шорт-листе', { exact: true })).toBeVisible();
  await expect(customer.getByRole('button', { name: 'Предложить пилот' })).toBeVisible();
  await expect(customer.getByRole('button', { name: 'Заключить контракт' })).toBeVisible();
  await expectNoSeriousA11yViolations(customer);

  // ——— the company sees its solution shortlisted
  await company.reload();
  await expect(company.getByRole('heading', { level: 1 }).locator('..').getByText('В шорт-листе')).toBeVisible();
  await expect(company.getByText('Ваш отклик в шорт-листе')).toBeVisible();
  await expect(company.getByRole('button', { name: 'Отозвать' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(company);
  await company.goto('/cabinet');
  const mine = company
    .getByRole('list', { name: 'Мои решения' })
    .getByRole('listitem')
    .filter({ hasText: solutionNumber });
  await expect(mine.getByText('В шорт-листе')).toBeVisible();
  await expect(mine.getByRole('link', { name: TITLE })).toBeVisible();
  await expectNoSeriousA11yViolations(company);

  // ——— the customer closes the request and names the shortlisted solution the winner
  await customer.goto(requestUrl);
  await customer.getByRole('button', { name: 'Закрыть приём' }).click();
  const closing = customer.getByRole('dialog', { name: 'Закрыть приём решений?' });
  await closing.getByRole('button', { name: 'Закрыть приём' }).click();
  await expect(closing).toBeHidden();
  await expect(customer.getByRole('heading', { level: 1 }).locator('../..').getByText('Приём завершён')).toBeVisible();
  await customer.getByRole('button', { name: 'Подвести итоги' }).click();
  const resolving = customer.getByRole('dialog', { name: 'Подвести итоги' });
  await resolving.getByRole('checkbox', { name: `${solutionNumber} · ${COMPANY_ORG}` }).check();
  await expectNoSeriousA11yViolations(customer);
  await resolving.getByRole('button', { name: 'Подвести итоги' }).click();
  await expect(resolving).toBeHidden();
  await expect(customer.getByRole('heading', { level: 1 }).locator('../..').getByText('Итоги подведены')).toBeVisible();
  await expectNoSeriousA11yViolations(customer);
});
