// Every page hydrates without an error. A page whose server HTML differs from its first render in
// the browser (a time formatted in the server's zone, say) is rendered anew by React, and whatever
// a person had already typed or chosen in it is lost: that is how focus-import.spec.ts once failed.
import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';

test('every page hydrates without an error (no server/browser mismatch)', async ({ page }) => {
  await signIn(page, ADMIN);
  const errors: string[] = [];
  let current = '';
  page.on('console', (m) => m.type() === 'error' && errors.push(`${current}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${current}: ${e.message}`));

  // pages with an id: the first of each list
  const firstLink = async (list: string, prefix: string, except?: RegExp) => {
    await page.goto(list);
    const links = page.locator(`a[href^="${prefix}"]`);
    const link = except ? links.filter({ hasNotText: except }) : links;
    return link.first().getAttribute('href');
  };
  const paths = [
    '/',
    '/costs',
    '/costs?groupBy=account&granularity=month',
    '/utilisation',
    await firstLink('/utilisation', '/utilisation/'),
    '/scenarios',
    await firstLink('/scenarios', '/scenarios/', /compare|prices/i),
    '/scenarios/compare',
    '/scenarios/prices',
    '/recommendations',
    await firstLink('/recommendations', '/recommendations/', /commitment|planner|planificateur/i),
    '/recommendations/commitments',
    '/budgets',
    '/anomalies',
    '/unit-costs',
    '/settings',
    '/account',
  ];
  for (const path of paths) {
    expect(path, 'a page of the list').toBeTruthy();
    current = path!;
    await page.goto(path!);
    // hydration runs once the page's scripts are in: none are loading any more
    await page.waitForLoadState('networkidle');
  }
  expect(errors).toEqual([]);
});
