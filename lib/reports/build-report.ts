// The weekly report's content: data in (read by load-report-data.ts through lib/queries), the view
// model out. Pure: no database, no clock, no strings of a language (the template says the words).
import { addIsoDays } from '../dates';
import type { TIsoWeek } from './iso-week';

export type TMoverDimension = 'service' | 'account' | 'region';
export const MOVER_DIMENSIONS: TMoverDimension[] = ['service', 'account', 'region'];
// services the most, the other two fewer: the e-mail must stay short
export const MOVER_COUNTS: Record<TMoverDimension, number> = { service: 5, account: 3, region: 3 };
// under a child's dimension each mover's change is explained by
export const CONTRIBUTION_CHILD: Record<TMoverDimension, TMoverDimension> = { service: 'region', account: 'service', region: 'service' };

export type TReportScope = { provider?: string };

/** An amount of one group in the report's week and the week before. */
export type TPair = { key: string; label: string; current: number; previous: number };

export type TFreshnessInput = {
  provider: string;
  /** the last day with costs, null when the provider has none */
  lastDay: string | null;
  /** days the provider still marks as estimated, in the last weeks */
  estimatedDays: string[];
  lastSyncAt: string | null;
};

// A section fed by a feature of its own (budgets, anomalies, recommendations, unit costs): absent
// when that feature is not part of this build, 'empty' when it is but has nothing to say yet.
export type TOptional<T> = { state: 'ok'; data: T } | { state: 'empty' };

export type TBudgetLine = {
  id: string;
  name: string;
  amount: number;
  spent: number;
  /** the month-end forecast of the budget's scope, with its interval */
  forecast: { p10: number; p50: number; p90: number } | null;
  status: 'on_track' | 'at_risk' | 'over';
  link: string;
};
export type TBudgetsInput = { month: string; lines: TBudgetLine[]; forecast: { p10: number; p50: number; p90: number } | null };

export type TAnomalyLine = { id: string; label: string; firstDay: string; lastDay: string; expected: number; actual: number; impact: number; link: string };
export type TAnomaliesInput = { items: TAnomalyLine[] };

/** A recommendation's words are its rule's message (key and values), said in the reader's language by the template. */
export type TRecommendationMessage = { key: string; params: Record<string, number | string | null> };
export type TRecommendationLine = { id: string; message: TRecommendationMessage; savings: number; link: string };
export type TRunwayLine = { id: string; message: TRecommendationMessage; link: string };
export type TRecommendationsInput = { top: TRecommendationLine[]; totalSavings: number; openCount: number; runway: TRunwayLine[] };

/** Cost per `per` units of a business metric (per 1 active user, per 1,000,000 requests). */
export type TUnitCostLine = { id: string; label: string; per: number; unit: string; current: number; previous: number | null };
export type TUnitCostsInput = { items: TUnitCostLine[] };

export type TPlanActualInput = {
  month: string;
  actual: { total: number; days: number; daysInMonth: number; runRate: number | null };
  /** the plan of record: its figures for the month, or null when its timeline starts later (firstMonth) */
  plan: { scenarioId: string; scenarioName: string; month: { likely: number; p10: number; p90: number } | null; firstMonth: string | null } | null;
};

export type TReportData = {
  week: TIsoWeek;
  /** the 8 weeks of the chart, oldest first, the report's week last */
  weeks: TIsoWeek[];
  currency: string;
  scope: TReportScope;
  appUrl: string;
  /** daily effective cost by provider over the 8 weeks */
  providerDays: { day: string; key: string; label: string; amount: number }[];
  /** per dimension, every group's amount this week and the week before */
  movers: Record<TMoverDimension, TPair[]>;
  /** per mover key (dimension:key), its children's amounts this week and the week before */
  contributions: Record<string, TPair[]>;
  freshness: TFreshnessInput[];
  planActual: TPlanActualInput | null;
  budgets?: TOptional<TBudgetsInput>;
  anomalies?: TOptional<TAnomaliesInput>;
  recommendations?: TOptional<TRecommendationsInput>;
  unitCosts?: TOptional<TUnitCostsInput>;
};

export type TChange = { amount: number; ratio: number | null };

export type TMover = TPair & { dimension: TMoverDimension; change: TChange; contributions: (TPair & { change: TChange })[]; link: string };

export type THighlight =
  | { kind: 'budget'; name: string; status: 'at_risk' | 'over' }
  | { kind: 'anomaly'; label: string; impact: number }
  | { kind: 'stale'; provider: string; lastDay: string | null }
  | { kind: 'mover'; label: string; change: TChange }
  | { kind: 'steady'; change: TChange };

export type TReportView = {
  week: TIsoWeek;
  currency: string;
  scope: TReportScope;
  highlight: THighlight;
  total: {
    current: number;
    previous: number;
    average4: number;
    vsPrevious: TChange;
    vsAverage4: TChange;
    link: string;
  };
  trend: {
    weeks: TIsoWeek[];
    providers: { key: string; label: string }[];
    /** amounts[w][p]: week w, provider p */
    amounts: number[][];
    totals: number[];
    link: string;
  };
  movers: TMover[];
  moversLink: string;
  /** every service's amount this week and the week before, largest first (the CSV attachment) */
  byService: TPair[];
  freshness: (TFreshnessInput & { stale: boolean; link: string })[];
  planActual: (TPlanActualInput & { link: string }) | null;
  budgets?: TOptional<TBudgetsInput & { link: string }>;
  anomalies?: TOptional<TAnomaliesInput & { link: string }>;
  recommendations?: TOptional<TRecommendationsInput & { link: string }>;
  unitCosts?: TOptional<TUnitCostsInput & { link: string }>;
};

export function change(current: number, previous: number): TChange {
  return { amount: current - previous, ratio: previous === 0 ? null : (current - previous) / previous };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

// A page of the app with the report's filters (scope, currency, period) in its query string.
export function appLink(appUrl: string, path: string, params: Record<string, string | undefined>): string {
  const url = new URL(path, appUrl.endsWith('/') ? appUrl : `${appUrl}/`);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') url.searchParams.set(k, v);
  return url.toString();
}

// The top movers of each dimension by the money they moved (up or down), largest first.
export function rankMovers(movers: Record<TMoverDimension, TPair[]>): { dimension: TMoverDimension; pair: TPair }[] {
  return MOVER_DIMENSIONS.flatMap((dimension) =>
    [...movers[dimension]]
      .filter((p) => p.current !== p.previous)
      .sort((a, b) => Math.abs(b.current - b.previous) - Math.abs(a.current - a.previous) || a.key.localeCompare(b.key))
      .slice(0, MOVER_COUNTS[dimension])
      .map((pair) => ({ dimension, pair })),
  );
}

export const contributionKey = (dimension: TMoverDimension, key: string) => `${dimension}:${key}`;

// A provider whose last day of costs is more than two days before the week's end has not told the
// whole week yet: its numbers will still grow.
const STALE_DAYS = 2;

export function buildReport(data: TReportData): TReportView {
  const { week, weeks, currency, scope, appUrl } = data;
  const filters = { currency, provider: scope.provider };
  const weekIndex = new Map(weeks.map((w, i) => [w.key, i]));
  const dayWeek = (day: string) => weeks.findIndex((w) => day >= w.from && day < w.to);

  // the 8 weeks by provider; providers ordered by their total over the weeks, largest first
  const providerTotals = new Map<string, { label: string; total: number }>();
  for (const r of data.providerDays) {
    const p = providerTotals.get(r.key) ?? { label: r.label, total: 0 };
    p.total += r.amount;
    providerTotals.set(r.key, p);
  }
  const providers = [...providerTotals].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0])).map(([key, p]) => ({ key, label: p.label }));
  const providerIndex = new Map(providers.map((p, i) => [p.key, i]));
  const amounts = weeks.map(() => providers.map(() => 0));
  for (const r of data.providerDays) {
    const w = dayWeek(r.day);
    if (w >= 0) amounts[w][providerIndex.get(r.key)!] += r.amount;
  }
  const totals = amounts.map(sum);

  const i = weekIndex.get(week.key)!;
  const current = totals[i] ?? 0;
  const previous = totals[i - 1] ?? 0;
  const before4 = totals.slice(Math.max(0, i - 4), i);
  const average4 = before4.length ? sum(before4) / before4.length : 0;

  // the same money seen again through another dimension (a provider with one account and one
  // region) tells the reader nothing new: it is listed once
  const seen = new Set<string>();
  const distinct = rankMovers(data.movers).filter(({ pair }) => {
    const amounts = `${pair.current.toFixed(2)}|${pair.previous.toFixed(2)}`;
    if (seen.has(amounts)) return false;
    seen.add(amounts);
    return true;
  });
  const movers: TMover[] = distinct.map(({ dimension, pair }) => {
    const children = (data.contributions[contributionKey(dimension, pair.key)] ?? [])
      // a change under half a unit shows as 0 in whole money: no contribution to speak of
      .filter((c) => Math.abs(c.current - c.previous) >= 0.5)
      .sort((a, b) => Math.abs(b.current - b.previous) - Math.abs(a.current - a.previous) || a.key.localeCompare(b.key))
      .slice(0, 3)
      .map((c) => ({ ...c, change: change(c.current, c.previous) }));
    return {
      ...pair,
      dimension,
      change: change(pair.current, pair.previous),
      contributions: children,
      link: appLink(appUrl, '/costs', { from: addDays(week.from, -7), to: week.to, granularity: 'day', groupBy: CONTRIBUTION_CHILD[dimension], ...filters, [dimension]: pair.key }),
    };
  });

  const freshness = data.freshness.map((f) => ({
    ...f,
    stale: f.lastDay === null || f.lastDay < addDays(week.last, -STALE_DAYS),
    link: appLink(appUrl, '/settings', {}),
  }));

  const weekLink = appLink(appUrl, '/costs', { from: week.from, to: week.to, granularity: 'day', groupBy: 'provider', ...filters });
  const trendLink = appLink(appUrl, '/costs', { from: weeks[0].from, to: week.to, granularity: 'day', groupBy: 'provider', ...filters });
  const view: TReportView = {
    week,
    currency,
    scope,
    highlight: { kind: 'steady', change: change(current, average4) },
    total: { current, previous, average4, vsPrevious: change(current, previous), vsAverage4: change(current, average4), link: weekLink },
    trend: { weeks, providers, amounts, totals, link: trendLink },
    movers,
    moversLink: appLink(appUrl, '/costs', { from: addDays(week.from, -7), to: week.to, granularity: 'day', groupBy: 'service', ...filters }),
    byService: [...data.movers.service].sort((a, b) => b.current - a.current || a.key.localeCompare(b.key)),
    freshness,
    planActual: data.planActual
      ? { ...data.planActual, link: data.planActual.plan ? appLink(appUrl, `/scenarios/${data.planActual.plan.scenarioId}`, {}) : appLink(appUrl, '/scenarios', {}) }
      : null,
    budgets: withLink(data.budgets, appLink(appUrl, '/budgets', {})),
    anomalies: withLink(data.anomalies, appLink(appUrl, '/anomalies', { from: week.from, to: week.to, provider: scope.provider })),
    recommendations: withLink(data.recommendations, appLink(appUrl, '/recommendations', { provider: scope.provider })),
    unitCosts: withLink(data.unitCosts, appLink(appUrl, '/unit-costs', { from: addDays(week.from, -7), to: week.to, provider: scope.provider })),
  };
  view.highlight = pickHighlight(view);
  return view;
}

function withLink<T>(section: TOptional<T> | undefined, link: string): TOptional<T & { link: string }> | undefined {
  if (!section) return undefined;
  return section.state === 'ok' ? { state: 'ok', data: { ...section.data, link } } : section;
}

const addDays = addIsoDays;

// The one thing most worth a reader's attention, for the preheader: a budget over (or at risk), the
// largest new anomaly, a provider whose data stops early, the largest mover of a week that moved
// (10 % or more against the four weeks before), else how steady the week was.
export function pickHighlight(view: TReportView): THighlight {
  const budgets = view.budgets?.state === 'ok' ? view.budgets.data.lines : [];
  const over = budgets.find((b) => b.status === 'over') ?? budgets.find((b) => b.status === 'at_risk');
  if (over) return { kind: 'budget', name: over.name, status: over.status as 'at_risk' | 'over' };
  const anomalies = view.anomalies?.state === 'ok' ? view.anomalies.data.items : [];
  const top = [...anomalies].sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact))[0];
  if (top) return { kind: 'anomaly', label: top.label, impact: top.impact };
  const stale = view.freshness.find((f) => f.stale);
  if (stale) return { kind: 'stale', provider: stale.provider, lastDay: stale.lastDay };
  const moved = view.total.vsAverage4.ratio !== null && Math.abs(view.total.vsAverage4.ratio) >= 0.1;
  const mover = view.movers.find((m) => m.dimension === 'service');
  if (moved && mover) return { kind: 'mover', label: mover.label, change: mover.change };
  return { kind: 'steady', change: view.total.vsAverage4 };
}
