// Server rendering of the scenario page's client part with the Europe preset, in both languages: the
// first result is computed during rendering (no blank page before hydration), the figures the e2e
// test reads are there with the values the model gives, and on one basis.
import { NextIntlClientProvider } from 'next-intl';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { FormatProvider } from '@/components/i18n/format-provider';
import { createFormatter } from '@/lib/format/formatter';
import { EUROPE_PLAN, GRAND_EST_TODAY } from '@/lib/planning/drivers';
import { evaluateScenario } from '@/lib/planning/evaluate';
import { DEFAULT_PRICE_CATALOGUE } from '@/lib/planning/price-catalogue';
import { ZScenarioOptions, ZScenarioTimeline, type TScenario } from '@/lib/scenarios/scenario-schema';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { LIVE_SAMPLES, ScenarioEditor, type TScenarioEditorProps } from './scenario-editor';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined, refresh: () => undefined }) }));

const GE_ID = '11111111-1111-4111-8111-111111111111';
const europe: TScenario = {
  id: '22222222-2222-4222-8222-222222222222', name: 'Europe (plan)', description: '', drivers: EUROPE_PLAN.drivers, coefficients: {},
  options: ZScenarioOptions.parse({}), timeline: ZScenarioTimeline.parse({ fromScenarioId: GE_ID }), presetId: 'europe-plan', reference: 'seed-plan',
  version: 1, archived: false, planOfRecord: true, createdBy: null, createdAt: '2026-11-25T00:00:00.000Z', updatedBy: null, updatedAt: '2026-11-25T00:00:00.000Z',
};
const context = { prices: DEFAULT_PRICE_CATALOGUE, paidPrices: [], fx: { USD: 0.92 }, fxAsOf: { USD: '2026-11-24' }, currency: 'EUR', nowIso: '2026-11-25T10:00:00.000Z', eurRate: 1 };
const scenarios = [{ id: GE_ID, name: 'Grand Est (today)', drivers: GRAND_EST_TODAY.drivers }, { id: europe.id, name: europe.name, drivers: europe.drivers }];

function render(locale: 'fr-FR' | 'en-GB', props: Partial<TScenarioEditorProps> = {}) {
  return renderToString(
    <NextIntlClientProvider locale={locale} messages={locale === 'fr-FR' ? fr : en} timeZone="Europe/Paris">
      <FormatProvider currency="EUR">
        <ScenarioEditor scenario={europe} context={context} scenarios={scenarios} canEdit versions={[]} calibration={null} calibrationError="no data" {...props} />
      </FormatProvider>
    </NextIntlClientProvider>,
  );
}

const expected = evaluateScenario({
  drivers: EUROPE_PLAN.drivers, prices: DEFAULT_PRICE_CATALOGUE, fx: { USD: 0.92 }, currency: 'EUR', samples: LIVE_SAMPLES, seed: 1,
  start: new Date('2026-12-01T00:00:00Z'), timeline: { from: GRAND_EST_TODAY.drivers, curve: 's-curve', months: 24 },
});
const text = (html: string, testId: string) => new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html)?.[1];

describe('scenarios: ScenarioEditor', () => {
  it.each(['fr-FR', 'en-GB'] as const)('renders the live result on the most likely basis, the seed reference and the inputs (%s)', (locale) => {
    const html = render(locale);
    const fmt = createFormatter({ locale, timeZone: 'Europe/Paris', currency: 'EUR' });
    expect(text(html, 'capacity-pods')).toBe(fmt.integer(expected.deterministic.capacity.pods));
    // the headline is the deterministic total: the stacked bars' and the tornado's basis
    expect(text(html, 'scenario-total')).toBe(fmt.money(expected.deterministic.total));
    expect(html).toContain(fmt.money(expected.steadyState.total.p50));
    expect(html).toContain('data-testid="seed-reference"');
    expect(html).toContain('data-testid="driver-peakRequestsPerSecond-high"');
    expect(html).toContain('data-ready="false"');
    expect(html).toContain('data-stale="false"');
    expect(html).not.toContain('data-testid="unsaved-changes"');
  });

  it('speaks the page’s language, with the plan’s words quoted and no code names', () => {
    const html = render('fr-FR');
    expect(html).toContain('Utilisateurs inscrits');
    expect(html).toContain('Enregistrer');
    expect(html).toContain('« MongoDB Atlas · Cluster M30+ »');
    expect(html).not.toContain('(Application servers)');
    // French decimals in the inputs
    expect(html).toMatch(/data-testid="driver-monthlyActiveShare"[^>]*value="0,3"|value="0,3"[^>]*data-testid="driver-monthlyActiveShare"/);
    for (const code of ['mainPods', 'atlasTierRamGB', 'cdnEgressTB', 'registeredUsers</', 'rpsPerPod<']) expect(html).not.toContain(`>${code}`);
    const english = render('en-GB');
    expect(english).toContain('Registered users');
    expect(english).toContain('plan: “MongoDB Atlas · Cluster M30+”');
  });

  it('does not call a scenario changed because its stored keys come back in another order', () => {
    const reordered = Object.fromEntries(Object.entries(EUROPE_PLAN.drivers).reverse()) as typeof EUROPE_PLAN.drivers;
    const html = render('en-GB', { scenario: { ...europe, drivers: reordered }, canEdit: false, calibrationError: null });
    expect(html).not.toContain('data-testid="unsaved-changes"');
    expect(html).toContain('saving needs the editor role');
  });
});
