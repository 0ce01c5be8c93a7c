// Signing in as a demo account, as a person does it: the login page, e-mail and password, then the cabinet.
import { type Browser, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo-2026!';

/** Signs `page` in as `email`; the page ends on the cabinet. */
export async function signInOn(page: Page, email: string) {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
}

/** A page of its own (a fresh browser context) signed in as `email`. */
export async function signIn(browser: Browser, email: string, viewport?: { width: number; height: number }) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await signInOn(page, email);
  return page;
}
