// Every page at a phone's size (390×844) and a laptop's (1400×900), in French and in English: a
// screenshot of each for people to look at (test-results/screens/), and what a person would see
// wrong checked on each: the page wider than the screen, a chart that drew nothing, a string the
// messages lack, an error in the console, the navigation not folded into a menu on the phone.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { ADMIN, FRENCH_ADMIN, signIn } from './fixtures';

// next-intl writes a missing message as its key path ("costs.title"): any namespace followed by a key
// (read from the file: Playwright loads specs as ES modules, where a JSON import needs an attribute)
const NAMESPACES = Object.keys(JSON.parse(fs.readFileSync('messages/en.json', 'utf8')) as Record<string, unknown>);
const KEY_LIKE = new RegExp(`\\b(?:${NAMESPACES.join('|')})\\.[a-z][A-Za-z0-9]+(?:\\.[A-Za-z0-9]+)*\\b`, 'g');

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1400, height: 900 },
] as const;
const LANGUAGES = [
  { lang: 'en', who: ADMIN, overview: 'Overview' },
  { lang: 'fr', who: FRENCH_ADMIN, overview: "Vue d'ensemble" },
] as const;

// The pages, with the ids of the demo's first resource, scenario and connection-free paths.
async function pagesToVisit(page: Page): Promise<{ name: string; path: string }[]> {
  // the first link to an item (an id in its path) on a list page, once the list has streamed in
  const first = async (list: string, prefix: string) => {
    await page.goto(list);
    const item = async () => {
      const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((els) => els.map((a) => a.getAttribute('href') ?? ''));
      return hrefs.find((h) => /^\/[a-z]+\/[0-9a-f]{8}-[0-9a-f-]{27}/.test(h));
    };
    await expect.poll(item, { message: `a link to ${prefix}<id> on ${list}` }).toBeTruthy();
    return (await item())!;
  };
  const today = new Date();
  const monthStart = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-01`;
  const lastMonthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  return [
    { name: 'overview', path: '/' },
    { name: 'costs', path: '/costs' },
    { name: 'costs-days', path: `/costs?granularity=day&from=${lastMonthStart}&to=${monthStart}&groupBy=service` },
    { name: 'utilisation', path: '/utilisation' },
    { name: 'resource', path: await first('/utilisation', '/utilisation/') },
    { name: 'scenarios', path: '/scenarios' },
    { name: 'scenario', path: await first('/scenarios', '/scenarios/') },
    { name: 'compare', path: '/scenarios/compare' },
    { name: 'prices', path: '/scenarios/prices' },
    { name: 'budgets', path: '/budgets' },
    { name: 'anomalies', path: '/anomalies' },
    { name: 'unit-costs', path: '/unit-costs' },
    { name: 'recommendations', path: '/recommendations' },
    { name: 'recommendation', path: await first('/recommendations', '/recommendations/') },
    { name: 'commitments', path: '/recommendations/commitments' },
    { name: 'settings', path: '/settings' },
    { name: 'account', path: '/account' },
  ];
}

for (const { lang, who, overview } of LANGUAGES) {
  for (const size of SIZES) {
    test(`every page in ${lang}, on a ${size.name}`, async ({ page }) => {
      // twenty pages; on a loaded two-core machine a page takes up to ~10 s to settle
      test.setTimeout(480_000);
      fs.mkdirSync('test-results/screens', { recursive: true });
      const problems: string[] = [];
      let current = 'sign-in';
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`${current}: console: ${m.text().slice(0, 300)}`);
      });
      page.on('pageerror', (e) => problems.push(`${current}: ${e.message.slice(0, 300)}`));

      await signIn(page, who);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { name: overview })).toBeVisible();
      const pages = await pagesToVisit(page);

      {
        await page.setViewportSize({ width: size.width, height: size.height });
        for (const { name, path } of pages) {
          current = `${size.name} ${path}`;
          const response = await page.goto(path);
          expect(response?.status(), `${current} answers`).toBe(200);
          await page.waitForLoadState('networkidle');
          await expect(page.locator('main h1').first()).toBeVisible();
          // next-intl writes a missing message as its key path ("costs.title"): none may show
          const text = await page.locator('body').innerText();
          const keyLike = text.match(KEY_LIKE);
          expect(keyLike, `${current}: message keys shown as text`).toBeNull();
          // nothing wider than the screen: wide tables scroll inside their card
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${current}: the page is ${overflow}px wider than the screen`).toBeLessThanOrEqual(1);
          // every chart shown has a size and something in it (one a breakpoint hides has no box)
          for (const surface of await page.locator('.recharts-wrapper > svg.recharts-surface').all()) {
            const box = await surface.boundingBox();
            if (box) expect(box.width > 100 && box.height > 50, `${current}: a chart with no room (${box.width}×${box.height})`).toBe(true);
          }
          const charts = await page.locator('.recharts-wrapper:visible').count();
          const marks = await page.locator('.recharts-bar-rectangle, .recharts-area-area, .recharts-line-curve, .recharts-rectangle').count();
          if (charts > 0) expect(marks, `${current}: charts drew no marks`).toBeGreaterThan(0);
          await page.mouse.move(0, 0);
          await page.screenshot({ path: `test-results/screens/${lang}-${size.name}-${name}.png`, fullPage: true });
        }
        // the navigation: a sidebar on the laptop, a menu on the phone that opens and closes
        const menu = page.getByTestId('menu-button');
        if (size.name === 'phone') {
          await page.goto('/');
          await expect(menu).toBeVisible();
          await menu.click();
          const sheet = page.locator('#mobile-menu');
          await expect(sheet).toBeVisible();
          await page.screenshot({ path: `test-results/screens/${lang}-phone-menu.png` });
          await sheet.getByRole('link').nth(1).click();
          await expect(sheet).toBeHidden();
          await expect(page).toHaveURL(/\/costs$/);
        } else {
          await expect(menu).toBeHidden();
        }
      }
      expect(problems).toEqual([]);
    });
  }
}
