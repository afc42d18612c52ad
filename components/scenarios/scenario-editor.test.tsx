// Server rendering of the scenario page's client part with the Europe preset: the first result is
// computed during rendering (no blank page before hydration), and the figures the e2e test reads
// are there with the values the model gives.
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { EUROPE_PLAN, GRAND_EST_TODAY } from '@/lib/planning/drivers';
import { evaluateScenario } from '@/lib/planning/evaluate';
import { DEFAULT_PRICE_CATALOGUE } from '@/lib/planning/price-catalogue';
import { ZScenarioOptions, ZScenarioTimeline, type TScenario } from '@/lib/scenarios/scenario-schema';
import { LIVE_SAMPLES, ScenarioEditor } from './scenario-editor';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined, refresh: () => undefined }) }));

const GE_ID = '11111111-1111-4111-8111-111111111111';
const europe: TScenario = {
  id: '22222222-2222-4222-8222-222222222222', name: 'Europe (plan)', description: '', drivers: EUROPE_PLAN.drivers, coefficients: {},
  options: ZScenarioOptions.parse({}), timeline: ZScenarioTimeline.parse({ fromScenarioId: GE_ID }), presetId: 'europe-plan', reference: 'seed-plan',
  version: 1, archived: false, createdBy: null, createdAt: '2026-11-25T00:00:00.000Z', updatedBy: null, updatedAt: '2026-11-25T00:00:00.000Z',
};
const context = { prices: DEFAULT_PRICE_CATALOGUE, paidPrices: [], fx: { USD: 0.92 }, fxAsOf: { USD: '2026-11-24' }, currency: 'EUR', nowIso: '2026-11-25T10:00:00.000Z', eurRate: 1 };

describe('ScenarioEditor', () => {
  it('renders the result of the live model, the seed reference and the inputs', () => {
    const html = renderToString(
      <ScenarioEditor scenario={europe} context={context} scenarios={[{ id: GE_ID, name: 'Grand Est (today)', drivers: GRAND_EST_TODAY.drivers }, { id: europe.id, name: europe.name, drivers: europe.drivers }]}
        canEdit locale="fr-FR" timeZone="Europe/Paris" notes={EUROPE_PLAN.notes} versions={[]} calibration={null} calibrationError="no data" />,
    );
    const expected = evaluateScenario({
      drivers: EUROPE_PLAN.drivers, prices: DEFAULT_PRICE_CATALOGUE, fx: { USD: 0.92 }, currency: 'EUR', samples: LIVE_SAMPLES, seed: 1,
      start: new Date('2026-12-01T00:00:00Z'), timeline: { from: GRAND_EST_TODAY.drivers, curve: 's-curve', months: 24 },
    });
    const text = (testId: string) => new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html)?.[1];
    expect(text('capacity-pods')).toBe(String(expected.deterministic.capacity.pods));
    const p50 = Math.round(Number(expected.steadyState.total.p50));
    expect(Number(text('scenario-total')!.replace(/[^\d]/g, ''))).toBe(p50);
    expect(html).toContain('data-testid="seed-reference"');
    expect(html).toContain('data-testid="driver-peakRequestsPerSecond-high"');
    expect(html).toContain('data-ready="false"');
    expect(html).toContain('Save');
    expect(html).not.toContain('unsaved changes');
  });

  it('does not call a scenario changed because its stored keys come back in another order', () => {
    const reordered = Object.fromEntries(Object.entries(EUROPE_PLAN.drivers).reverse()) as typeof EUROPE_PLAN.drivers;
    const html = renderToString(
      <ScenarioEditor scenario={{ ...europe, drivers: reordered }} context={context} scenarios={[]} canEdit={false} locale="fr-FR" timeZone="Europe/Paris"
        notes={{}} versions={[]} calibration={null} calibrationError={null} />,
    );
    expect(html).not.toContain('unsaved changes');
    expect(html).toContain('saving needs the editor role');
  });
});
