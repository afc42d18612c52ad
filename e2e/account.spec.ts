// A person's own account: their language (it follows them across reloads and sign-ins, and the
// sign-in page speaks it), their password, and an admin's reset to a one-time password.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';

// people of this spec's own, so that no other spec's accounts change
async function createPerson(page: Page, person: { email: string; password: string; name: string; role: 'viewer' | 'editor' }) {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/api/v1/users', { data: person, headers: { origin } });
  expect(res.status(), await res.text()).toBe(201);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /^(Sign out|Se déconnecter)$/ }).first().click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

async function signInTo(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
}

const nav = (page: Page) => page.getByRole('navigation').first();

// several sign-ins each, on a machine that may be busy
test.slow();

test('a person switches to English and back to French; the choice survives a reload and a new sign-in', async ({ page }) => {
  await signIn(page, ADMIN);
  const person = { email: 'polyglotte@e2e.test', password: 'polyglotte-password-1', name: 'Paule Polyglotte', role: 'viewer' as const };
  await createPerson(page, person);
  await signOut(page);

  // no language of her own yet: the organisation's (French)
  await signInTo(page, person.email, person.password);
  await expect(nav(page).getByRole('link', { name: "Vue d'ensemble" })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Votre compte' })).toBeVisible();
  await expect(page.getByTestId('account-email')).toHaveText(person.email);
  await page.getByTestId('locale-select').selectOption('en-GB');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Overview' })).toBeVisible();

  await page.reload();
  await expect(nav(page).getByRole('link', { name: 'Overview' })).toBeVisible();
  await expect(page.getByTestId('locale-select')).toHaveValue('en-GB');

  // the sign-in page speaks it too (the cookie), and so does the next session (the account)
  await signOut(page);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.context().clearCookies();
  await signInTo(page, person.email, person.password);
  await expect(nav(page).getByRole('link', { name: 'Overview' })).toBeVisible();

  await page.goto('/account');
  await page.getByTestId('locale-select').selectOption('fr-FR');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Votre compte' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: "Vue d'ensemble" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('locale-select')).toHaveValue('fr-FR');
});

test('a person changes their password and signs in with the new one', async ({ page }) => {
  await signIn(page, ADMIN);
  const person = { email: 'rotation@e2e.test', password: 'rotation-password-1', name: 'Rita Rotation', role: 'editor' as const };
  await createPerson(page, person);
  await signOut(page);

  await signInTo(page, person.email, person.password);
  await expect(nav(page).getByRole('link', { name: "Vue d'ensemble" })).toBeVisible();
  await page.goto('/account');
  const form = page.getByRole('form', { name: 'Mot de passe' });
  await form.getByLabel('Mot de passe actuel').fill('not-the-password-1');
  await form.getByLabel('Nouveau mot de passe', { exact: true }).fill('rotation-password-2');
  await form.getByLabel('Nouveau mot de passe, à nouveau').fill('rotation-password-2');
  await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(form.getByRole('alert')).toHaveText("Ce n'est pas votre mot de passe actuel.");

  await form.getByLabel('Mot de passe actuel').fill(person.password);
  await form.getByLabel('Nouveau mot de passe, à nouveau').fill('rotation-password-3');
  await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(form.getByRole('alert')).toHaveText('Les deux nouveaux mots de passe diffèrent.');

  await form.getByLabel('Nouveau mot de passe, à nouveau').fill('rotation-password-2');
  await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(form.getByRole('status')).toContainText('Votre mot de passe est changé');

  await signOut(page);
  await signInTo(page, person.email, person.password);
  await expect(page.getByRole('form').getByRole('alert')).toBeVisible();
  await signInTo(page, person.email, 'rotation-password-2');
  await expect(nav(page).getByRole('link', { name: "Vue d'ensemble" })).toBeVisible();
});

test('an admin resets a viewer’s password; the viewer signs in with it once and must choose their own', async ({ page, browser }) => {
  await signIn(page, ADMIN);
  const person = { email: 'oublieuse@e2e.test', password: 'oublieuse-password-1', name: 'Odile Oublieuse', role: 'viewer' as const };
  await createPerson(page, person);

  await page.goto('/settings');
  const row = page.getByRole('row', { name: /oublieuse@e2e\.test/ });
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Reset password' }).click();
  const shown = page.getByTestId('one-time-password');
  await expect(shown).toContainText('shown only once');
  const oneTime = (await page.getByTestId('one-time-password-value').textContent())?.trim() ?? '';
  expect(oneTime.length).toBeGreaterThanOrEqual(12);
  // shown once: a reload does not bring it back
  await page.reload();
  await expect(page.getByTestId('one-time-password')).toHaveCount(0);

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  try {
    await signInTo(viewer, person.email, person.password);
    await expect(viewer.getByRole('form').getByRole('alert')).toBeVisible();

    await signInTo(viewer, person.email, oneTime);
    await expect(viewer).toHaveURL(/\/account$/);
    await expect(viewer.getByTestId('must-change-password')).toBeVisible();
    // every other page sends them back here until they have chosen
    await viewer.goto('/costs');
    await expect(viewer).toHaveURL(/\/account$/);

    const form = viewer.getByRole('form', { name: 'Mot de passe' });
    await form.getByLabel('Mot de passe à usage unique').fill(oneTime);
    await form.getByLabel('Nouveau mot de passe', { exact: true }).fill('oublieuse-password-2');
    await form.getByLabel('Nouveau mot de passe, à nouveau').fill('oublieuse-password-2');
    await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(viewer).toHaveURL(/\/$/);
    await expect(nav(viewer).getByRole('link', { name: "Vue d'ensemble" })).toBeVisible();
    await viewer.goto('/costs');
    await expect(viewer).toHaveURL(/\/costs$/);
  } finally {
    await viewerContext.close();
  }
});
