import { describe, expect, it } from 'vitest';
import { createFormatter } from '../format/formatter';
import { ZAnomalyPayload, ZBudgetThresholdPayload } from './payloads';
import { renderAlert, renderDigest, toHtml, toSlack, toText } from './render';

const ctx = { locale: 'en-GB', timeZone: 'Europe/Paris', appUrl: 'https://costs.example.com/', channelName: 'Ops <team>' };
const budget = ZBudgetThresholdPayload.parse({
  budgetId: '11111111-1111-4111-8111-111111111111',
  budgetName: 'Prod <script>alert(1)</script> & co',
  periodStart: '2026-10-01',
  periodEnd: '2027-01-01',
  currency: 'USD',
  amount: '30000',
  actual: '24000',
  forecast: null,
  threshold: { on: 'actual', amount: '24000' },
});
const anomaly = ZAnomalyPayload.parse({
  anomalyId: '33333333-3333-4333-8333-333333333333',
  monitorName: 'Backups',
  startDay: '2026-12-04',
  endDay: '2026-12-04',
  direction: 'decrease',
  currency: 'EUR',
  expected: '120',
  actual: '0',
  impact: '-120',
  impactPercent: -100,
  reason: 'impact_doubled',
});

describe('rendering alerts', () => {
  const fmt = createFormatter({ locale: 'en-GB', timeZone: 'Europe/Paris', currency: 'EUR' });

  it('says a budget threshold in absolute money, over the whole period, in its currency', () => {
    const r = renderAlert({ kind: 'budget_threshold', payload: budget }, ctx);
    expect(r.subject).toBe(`Budget Prod <script>alert(1)</script> & co: spend has reached ${fmt.money('24000', { currency: 'USD' })} (${fmt.money('24000', { currency: 'USD' })} of ${fmt.money('30000', { currency: 'USD' })})`);
    expect(r.facts).toContainEqual(['Period', fmt.dayRange('2026-10-01', '2026-12-31')]);
    expect(r.facts.map(([label]) => label)).not.toContain('Forecast for the period');
    expect(r.link).toBe('https://costs.example.com/budgets');
  });

  it('escapes names in HTML and Slack, never in the text part', () => {
    const r = renderAlert({ kind: 'budget_threshold', payload: budget }, ctx);
    const html = toHtml(r, ctx);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Prod &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).toContain('Ops &lt;team&gt;');
    const slack = toSlack(r, ctx);
    expect(JSON.stringify(slack)).not.toContain('<script>');
    expect((slack.blocks[0] as { text: { text: string } }).text.text).toContain('Prod &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(toText(r, ctx)).toContain('Budget: Prod <script>alert(1)</script> & co');
  });

  it('says a drop as a drop, and a doubled impact as such, in French too', () => {
    const en = renderAlert({ kind: 'anomaly', payload: anomaly }, ctx);
    expect(en.subject).toBe(`Cost anomaly grew: Backups down ${fmt.money('120')} (${fmt.day('2026-12-04')})`);
    expect(en.intro).toEqual([`Spend on Backups fell below what was expected on ${fmt.day('2026-12-04')}.`, 'The impact of this anomaly on Backups has doubled since it was first reported.']);
    const fr = renderAlert({ kind: 'anomaly', payload: anomaly }, { ...ctx, locale: 'fr-FR' });
    const ffr = createFormatter({ locale: 'fr-FR', timeZone: 'Europe/Paris', currency: 'EUR' });
    expect(fr.subject).toBe(`Anomalie de coût aggravée : Backups en baisse de ${ffr.money('120')} (${ffr.day('2026-12-04')})`);
    expect(fr.facts).toContainEqual(['Impact', `${ffr.moneySigned('-120')} (${ffr.change(-1)})`]);
  });

  it('puts several alerts in one digest, each under its own subject', () => {
    const d = renderDigest([{ kind: 'budget_threshold', payload: budget }, { kind: 'anomaly', payload: anomaly }], ctx);
    expect(d.subject).toBe('Tourmalet: 2 alerts since the last digest');
    const text = toText(d, ctx);
    expect(text).toContain('— Budget Prod');
    expect(text).toContain('— Cost anomaly grew: Backups');
    expect(toSlack(d, ctx).blocks.filter((b) => (b as { type: string }).type === 'divider')).toHaveLength(2);
  });
});
