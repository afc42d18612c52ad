// Server rendering of the CDN pricing comparison in both languages, from the rule's own output on a zone like
// the demo's: every option is a row, cheapest first, in the page's currency, the recommended and today's marked,
// and the options the rule refused say why.
import { NextIntlClientProvider } from 'next-intl';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormatProvider } from '@/components/i18n/format-provider';
import { createFormatter } from '@/lib/format/formatter';
import { DEFAULT_PRICE_CATALOGUE } from '@/lib/planning/price-catalogue';
import { DAY_MS } from '@/lib/dates';
import { convertRecommendation } from '@/lib/recommendations/engine/run-rules';
import { cdnPricingRule } from '@/lib/recommendations/rules/cdn-pricing';
import { NOW, hourly, ref } from '@/lib/recommendations/testing/series';
import type { TCdnFacts } from '@/lib/recommendations/types';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { CdnOptions } from './cdn-options';
import { EvidenceBars } from './evidence-bars';

const perHour = (monthly: number) => monthly / ((365 / 12) * 24);
const zone: TCdnFacts = {
  resource: ref('cdn-distribution', 'europe-cyclisme.eu', 'cloudflare', null),
  servedGB: hourly(30, () => perHour(3500)),
  servedRequests: hourly(30, () => perHour(750e6)),
  bill: [
    { t: NOW.getTime() - 5 * DAY_MS, service: 'CDN & Security', sku: 'CF-PLAN-BIZ-MONTHLY', description: 'Cloudflare Business plan (monthly)', chargeCategory: 'Purchase', unit: null, quantity: 1, cost: 250 },
    ...Array.from({ length: 30 }, (_, i) => ({ t: NOW.getTime() - (30 - i) * DAY_MS, service: 'Argo Smart Routing', sku: 'CF-ARGO-GB', description: null, chargeCategory: 'Usage', unit: 'GB', quantity: 115, cost: 350 / (365 / 12) })),
  ],
  currency: 'USD',
};
const [outcome] = cdnPricingRule.evaluate({ cdn: [zone], prices: DEFAULT_PRICE_CATALOGUE }, NOW);
const rec = convertRecommendation((outcome as { recommendations: Parameters<typeof convertRecommendation>[0][] }).recommendations[0], 'EUR', { USD: 0.9 })!;

function render(locale: 'fr-FR' | 'en-GB', node: React.ReactNode = <CdnOptions details={rec.details!} currency="EUR" />) {
  return renderToString(
    <NextIntlClientProvider locale={locale} messages={locale === 'fr-FR' ? fr : en} timeZone="Europe/Paris">
      <FormatProvider currency="EUR">{node}</FormatProvider>
    </NextIntlClientProvider>,
  );
}

describe('recommendations: CdnOptions', () => {
  it.each(['fr-FR', 'en-GB'] as const)('lists every option cheapest first, the recommended one and today marked (%s)', (locale) => {
    const html = render(locale);
    const fmt = createFormatter({ locale, timeZone: 'Europe/Paris', currency: 'EUR' });
    const ids = [...html.matchAll(/data-option="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength((rec.details!.options as unknown[]).length);
    expect(ids).toContain('cloudfront-flat-rate-premium');
    // Business billed yearly: 200 + 350 of Argo = 550 USD, 495 EUR
    const best = /data-option="cloudflare-business-annual"[^>]*data-best="true"/.test(html);
    expect(best).toBe(true);
    expect(html).toContain(fmt.money('495', { currency: 'EUR', digits: 0 }));
    const t = (locale === 'fr-FR' ? fr : en).recommendationsPage.detail.cdnOptions;
    for (const word of [t.best, t.current, t.reasons.lowerPlan, t.reasons.allowanceExceeded, t.names.cloudflareBusinessAnnual, t.unmetered]) expect(html).toContain(word.replace(/'/g, '&#x27;'));
    // no code names leak into the page
    expect(html).not.toMatch(/>[^<]*(cloudflare-|allowance-exceeded|lower-plan)[^<]*</);
  });

  it.each(['fr-FR', 'en-GB'] as const)('shows the evidence amounts a month in the display currency, like the sentence, with their unit in words (%s)', (locale) => {
    const html = render(locale, <EvidenceBars evidence={rec.evidence} />);
    const fmt = createFormatter({ locale, timeZone: 'Europe/Paris', currency: 'EUR' });
    const units = (locale === 'fr-FR' ? fr : en).recommendationsPage.units;
    // today's bill, 600 USD a month (plan 250 and Argo 350) at 0.9, and the 20 USD threshold: every amount in euros
    expect(html).toContain(units.perMonth.replace('{amount}', fmt.money('540', { currency: 'EUR', digits: 0 })));
    expect(html).toContain(fmt.money('18', { currency: 'EUR', digits: 2 }));
    expect(html).not.toMatch(/USD|\$/);
    // the traffic in decimal TB, as the sentence counts GB
    expect(html).toContain(locale === 'fr-FR' ? '3,5 To' : '3.5 TB');
    const metrics = (locale === 'fr-FR' ? fr : en).recommendationsPage.metrics as Record<string, string>;
    for (const e of rec.evidence) expect(html).toContain(metrics[e.metric].replace(/'/g, '&#x27;'));
  });
});
