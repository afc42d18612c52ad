import { describe, expect, it } from 'vitest';
import { createFormatter } from '../format/formatter';
import { buildReport, contributionKey, type TReportData } from './build-report';
import { addWeeks, isoWeek } from './iso-week';
import { emailTranslator, renderReport, reportSubject, serviceCsv } from './render-report';

const week = isoWeek('2026-W49');
const weeks = Array.from({ length: 8 }, (_, i) => addWeeks(week, i - 7));

// AWS spends 1 000 a day and MongoDB Atlas 500, except in the report's week: AWS 1 100 a day
function fixture(): TReportData {
  const providerDays: TReportData['providerDays'] = [];
  for (const w of weeks)
    for (let d = 0; d < 7; d++) {
      const day = new Date(Date.parse(`${w.from}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
      providerDays.push({ day, key: 'AWS', label: 'AWS', amount: w.key === week.key ? 1100 : 1000 });
      providerDays.push({ day, key: 'MongoDB Atlas', label: 'MongoDB Atlas', amount: 500 });
    }
  return {
    week,
    weeks,
    currency: 'EUR',
    scope: {},
    appUrl: 'https://tourmalet.example',
    providerDays,
    movers: {
      service: [
        { key: 'AWS:Amazon EC2', label: 'Amazon EC2', current: 5600, previous: 4900 },
        { key: 'AWS:Amazon S3', label: 'Amazon S3', current: 2100, previous: 2100 },
        { key: 'MongoDB Atlas:Cluster', label: 'Cluster', current: 3500, previous: 3500 },
      ],
      account: [{ key: 'AWS:123', label: 'AWS · prod', current: 7700, previous: 7000 }],
      region: [{ key: 'AWS:eu-west-3', label: 'eu-west-3', current: 7650, previous: 7000 }],
    },
    contributions: {
      [contributionKey('service', 'AWS:Amazon EC2')]: [
        { key: 'AWS:eu-west-3', label: 'eu-west-3', current: 5000, previous: 4400 },
        { key: 'AWS:eu-central-1', label: 'eu-central-1', current: 600, previous: 500 },
      ],
    },
    freshness: [
      { provider: 'AWS', lastDay: '2026-12-06', estimatedDays: ['2026-12-05', '2026-12-06'], lastSyncAt: '2026-12-07T06:00:00Z' },
      { provider: 'MongoDB Atlas', lastDay: '2026-12-06', estimatedDays: [], lastSyncAt: null },
    ],
    planActual: { month: '2026-12', actual: { total: 10_500, days: 6, daysInMonth: 31, runRate: 54_250 }, plan: null },
  };
}

describe('buildReport', () => {
  it('computes the week, the week before and the average of the four before', () => {
    const view = buildReport(fixture());
    expect(view.total.current).toBe(7 * 1600);
    expect(view.total.previous).toBe(7 * 1500);
    expect(view.total.average4).toBe(7 * 1500);
    expect(view.total.vsPrevious.amount).toBe(700);
    expect(view.total.vsPrevious.ratio).toBeCloseTo(700 / 10_500, 10);
    expect(view.trend.weeks.map((w) => w.key)).toEqual(weeks.map((w) => w.key));
    expect(view.trend.providers.map((p) => p.key)).toEqual(['AWS', 'MongoDB Atlas']);
    expect(view.trend.amounts[7]).toEqual([7700, 3500]);
    expect(view.trend.totals[0]).toBe(10_500);
  });

  it('ranks movers by money and explains each by its children', () => {
    const view = buildReport(fixture());
    expect(view.movers.map((m) => `${m.dimension}:${m.key}`)).toEqual(['service:AWS:Amazon EC2', 'account:AWS:123', 'region:AWS:eu-west-3']);
    const ec2 = view.movers[0];
    expect(ec2.change).toEqual({ amount: 700, ratio: 700 / 4900 });
    expect(ec2.contributions.map((c) => [c.key, c.change.amount])).toEqual([['AWS:eu-west-3', 600], ['AWS:eu-central-1', 100]]);
    const link = new URL(ec2.link);
    expect(link.pathname).toBe('/costs');
    expect(Object.fromEntries(link.searchParams)).toMatchObject({ service: 'AWS:Amazon EC2', groupBy: 'region', from: '2026-11-23', to: '2026-12-07', currency: 'EUR' });
  });

  it('lists the same money seen through another dimension once', () => {
    const data = fixture();
    data.movers.region = [{ key: 'AWS:eu-west-3', label: 'eu-west-3', current: 7700, previous: 7000 }];
    expect(buildReport(data).movers.map((m) => m.dimension)).toEqual(['service', 'account']);
  });

  it('keeps the scope in every link and leaves out sections whose feature is absent', () => {
    const view = buildReport({ ...fixture(), scope: { provider: 'AWS' } });
    expect(new URL(view.total.link).searchParams.get('provider')).toBe('AWS');
    expect(new URL(view.trend.link).searchParams.get('from')).toBe(weeks[0].from);
    expect(view.budgets).toBeUndefined();
    expect(view.anomalies).toBeUndefined();
  });

  it('highlights a provider whose costs stop early, then a budget over before anything else', () => {
    const stale = fixture();
    stale.freshness[1].lastDay = '2026-12-02';
    expect(buildReport(stale).highlight).toEqual({ kind: 'stale', provider: 'MongoDB Atlas', lastDay: '2026-12-02' });
    const over = { ...stale, budgets: { state: 'ok' as const, data: { month: '2026-12', forecast: null, lines: [{ id: 'b', name: 'Cloud', amount: 100, spent: 120, forecast: null, status: 'over' as const, link: '' }] } } };
    expect(buildReport(over).highlight).toEqual({ kind: 'budget', name: 'Cloud', status: 'over' });
    expect(buildReport(fixture()).highlight.kind).toBe('steady');
  });
});

describe('renderReport', () => {
  it('says the week, its total and its change in the subject, by the locale’s formatter', () => {
    const view = buildReport(fixture());
    const fr = createFormatter({ locale: 'fr-FR', timeZone: 'Europe/Paris', currency: 'EUR' });
    const en = createFormatter({ locale: 'en-GB', timeZone: 'Europe/Paris', currency: 'EUR' });
    expect(reportSubject(view, emailTranslator('fr-FR'), fr)).toBe(`Tourmalet · semaine 49 : ${fr.money(11_200)} (${fr.change(700 / 10_500, 0)})`);
    expect(reportSubject(view, emailTranslator('en-GB'), en)).toBe(`Tourmalet · week 49: ${en.money(11_200)} (${en.change(700 / 10_500, 0)})`);
    expect(en.money(11_200)).toBe('€11,200');
  });

  it('renders HTML under 100 KB with the chart by Content-ID, and a text part with the same numbers', async () => {
    const view = buildReport(fixture());
    const fmt = createFormatter({ locale: 'fr-FR', timeZone: 'Europe/Paris', currency: 'EUR' });
    const out = await renderReport(view, { locale: 'fr-FR', timeZone: 'Europe/Paris', scheduleName: 'Hebdo', unsubscribeUrl: 'https://tourmalet.example/u?token=x', manageUrl: 'https://tourmalet.example/settings', attachCsv: true });
    expect(Buffer.byteLength(out.html)).toBeLessThan(100 * 1024);
    expect(out.images).toHaveLength(1);
    expect(out.html).toContain(`src="cid:${out.images[0].cid}"`);
    expect(out.html).toContain(`alt="${out.images[0].alt}"`);
    expect(out.html).not.toMatch(/display:\s*(flex|grid)/);
    for (const amount of [fmt.money(11_200), fmt.money(10_500), fmt.moneySigned(700), fmt.money(5600)]) {
      expect(out.html).toContain(amount);
      expect(out.text).toContain(amount);
    }
    expect(out.text).toContain('https://tourmalet.example/u?token=x');
    expect(out.preheader).toBe(`Dépenses ${fmt.moneySigned(700)} (${fmt.change(700 / 10_500, 0)}) par rapport à la moyenne des quatre semaines précédentes.`);
    expect(out.csv?.content.split('\r\n')[1]).toBe('AWS:Amazon EC2,Amazon EC2,2026-W49,2026-11-30,2026-12-07,5600.00,4900.00,EUR');
    expect(serviceCsv(view).trim().split('\r\n')).toHaveLength(4);
  });
});

describe('renderReport with every section', () => {
  it('says budgets, new anomalies, recommendations in their rules’ words and unit costs, in HTML and text', async () => {
    const data: TReportData = {
      ...fixture(),
      budgets: { state: 'ok', data: { month: '2026-12', forecast: { p10: 40_000, p50: 45_000, p90: 52_000 }, lines: [{ id: 'b1', name: 'Cloud total', amount: 40_000, spent: 10_500, forecast: { p10: 40_000, p50: 45_000, p90: 52_000 }, status: 'at_risk', link: 'https://tourmalet.example/budgets' }] } },
      anomalies: { state: 'ok', data: { items: [{ id: 'a1', label: 'AWS · ec-staging', firstDay: '2026-12-01', lastDay: '2026-12-02', expected: 9, actual: 177, impact: 168, link: 'https://tourmalet.example/anomalies' }] } },
      recommendations: {
        state: 'ok',
        data: {
          openCount: 2,
          totalSavings: 420,
          top: [{ id: 'r1', savings: 420, link: 'https://tourmalet.example/recommendations/r1', message: { key: 'no.such.rule', params: {} } }],
          runway: [{ id: 'r2', link: 'https://tourmalet.example/recommendations/r2', message: { key: 'capacityRunway', params: { resource: 'eu-prod', days: 41, cause: 'plan', threshold: 60, needed: 6, unit: 'nodes' } } }],
        },
      },
      unitCosts: { state: 'ok', data: { items: [{ id: 'users', label: 'Active users', per: 1, unit: 'user', current: 0.0047, previous: 0.0034 }] } },
    };
    const view = buildReport(data);
    expect(view.highlight).toEqual({ kind: 'budget', name: 'Cloud total', status: 'at_risk' });
    const fmt = createFormatter({ locale: 'en-GB', timeZone: 'Europe/Paris', currency: 'EUR' });
    const out = await renderReport(view, { locale: 'en-GB', timeZone: 'Europe/Paris', scheduleName: 'Weekly', unsubscribeUrl: null, manageUrl: 'https://tourmalet.example/settings' });
    for (const part of [out.html, out.text]) {
      expect(part).toContain('Cloud total');
      expect(part).toContain(fmt.money(45_000));
      expect(part).toContain('AWS · ec-staging');
      expect(part).toContain(fmt.moneySigned(168));
      expect(part).toContain('eu-prod is full in 41 days at the plan');
      expect(part).toContain(fmt.money(420));
      expect(part).toContain(fmt.unitPrice(0.0047));
    }
    expect(out.preheader).toBe('Budget Cloud total is at risk this month.');
    expect(Buffer.byteLength(out.html)).toBeLessThan(100 * 1024);
  });
});
