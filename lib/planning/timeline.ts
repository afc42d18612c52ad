// The plan's phases laid over calendar months, and how far the drivers have grown in each month.
import type { TRegion } from './regions';

export const CURVES = ['step', 'linear', 's-curve'] as const;
export type TCurve = (typeof CURVES)[number];
export const PHASES = ['preparation', 'migration', 'rollout', 'steady'] as const;
export type TPhase = (typeof PHASES)[number];

export type TPhaseWeeks = { preparationWeeks: number; migrationWeeks: number; rolloutWeeks: number };
/** The seed plan: preparation 2 weeks, data migration 3 weeks, progressive roll-out 4 weeks. */
export const SEED_PHASES: TPhaseWeeks = { preparationWeeks: 2, migrationWeeks: 3, rolloutWeeks: 4 };

const DAY = 86_400_000;

/** Growth along the roll-out, x in [0, 1] → share of the way from the "from" scenario to the target. */
export function curveValue(curve: TCurve, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (curve === 'linear') return x;
  // A big-bang launch: the whole target traffic from the first day of the roll-out.
  if (curve === 'step') return 1;
  const k = 10;
  const s = (v: number) => 1 / (1 + Math.exp(-k * (v - 0.5)));
  return (s(x) - s(0)) / (s(1) - s(0));
}

export type TTimelineState = {
  /** Share of the target's data (cols, routes, weather, topography) imported. */
  dataProgress: number;
  /** Share of the way from today's traffic and users to the target's. */
  trafficProgress: number;
  /** The new clusters (and their service levels) exist from the end of preparation. */
  targetServiceLevels: boolean;
  regionCount: number;
};

export type TTimelineMonth = {
  month: string;
  start: Date;
  end: Date;
  phase: TPhase;
  phases: TPhase[];
  regions: TRegion[];
  stateIndex: number;
};

export type TTimeline = { months: TTimelineMonth[]; states: TTimelineState[]; phaseBoundaries: { phase: TPhase; start: Date }[] };

function monthStartUTC(d: Date, add = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
}

function ymd(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * Months from the month of `start`. Each month is sized for its state at the month's end
 * (capacity must be in place for the highest load of the month); ties in phase go to the later one.
 */
export function buildTimeline(args: {
  start: Date;
  months: number;
  curve: TCurve;
  phases?: TPhaseWeeks;
  fromRegions: TRegion[];
  targetRegions: TRegion[];
}): TTimeline {
  const ph = args.phases ?? SEED_PHASES;
  const t0 = args.start.getTime();
  const p1 = t0 + ph.preparationWeeks * 7 * DAY;
  const p2 = p1 + ph.migrationWeeks * 7 * DAY;
  const p3 = p2 + ph.rolloutWeeks * 7 * DAY;
  const bounds: [TPhase, number, number][] = [
    ['preparation', t0, p1],
    ['migration', p1, p2],
    ['rollout', p2, p3],
    ['steady', p3, Number.POSITIVE_INFINITY],
  ];
  // Today's regions first, then the target's new regions in the order given: the roll-out opens them one by one.
  const kept = args.fromRegions.filter((r) => args.targetRegions.includes(r));
  const ordered: TRegion[] = [...kept, ...args.targetRegions.filter((r) => !kept.includes(r))];
  const fromCount = Math.max(1, kept.length);
  const states: TTimelineState[] = [];
  const stateKeys = new Map<string, number>();
  const months: TTimelineMonth[] = [];
  for (let i = 0; i < args.months; i++) {
    const ms = monthStartUTC(args.start, i);
    const me = monthStartUTC(args.start, i + 1);
    const from = Math.max(ms.getTime(), t0);
    const t = me.getTime();
    let phase: TPhase = 'preparation';
    let best = -1;
    const phases: TPhase[] = [];
    for (const [name, a, b] of bounds) {
      const overlap = Math.min(b, t) - Math.max(a, from);
      if (overlap > 0) {
        phases.push(name);
        if (overlap >= best) {
          best = overlap;
          phase = name;
        }
      }
    }
    const rollout = p3 > p2 ? (t - p2) / (p3 - p2) : t >= p2 ? 1 : 0;
    const state: TTimelineState = {
      dataProgress: p2 > p1 ? clamp01((t - p1) / (p2 - p1)) : t >= p1 ? 1 : 0,
      trafficProgress: t > p2 ? curveValue(args.curve, clamp01(rollout)) : 0,
      targetServiceLevels: t > p1,
      regionCount: 0,
    };
    state.regionCount = fromCount + Math.round(state.trafficProgress * (ordered.length - fromCount));
    const key = `${state.dataProgress}|${state.trafficProgress}|${state.targetServiceLevels}|${state.regionCount}`;
    let idx = stateKeys.get(key);
    if (idx === undefined) {
      idx = states.length;
      states.push(state);
      stateKeys.set(key, idx);
    }
    months.push({ month: ymd(ms), start: ms, end: me, phase, phases, regions: ordered.slice(0, state.regionCount), stateIndex: idx });
  }
  return { months, states, phaseBoundaries: bounds.map(([phase, a]) => ({ phase, start: new Date(a) })) };
}
