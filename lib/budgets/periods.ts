// Budget periods (month, quarter, year) as instants: they start at local midnight in the organisation's time
// zone (ORG_TIMEZONE, passed in), so a month is 31 days less an hour when daylight saving starts in it.
export const BUDGET_PERIODS = ['month', 'quarter', 'year'] as const;
export type TBudgetPeriod = (typeof BUDGET_PERIODS)[number];

export type TPeriod = {
  period: TBudgetPeriod;
  /** '2026-03', '2026-Q1' or '2026'. */
  key: string;
  /** First instant, inclusive, and the next period's first instant, exclusive ([start, end) as in FOCUS). */
  start: Date;
  end: Date;
  /** The local calendar days, [startDay, endDay). */
  startDay: string;
  endDay: string;
  /** Its calendar months, 'YYYY-MM'. */
  months: string[];
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

type TWall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallTime(at: Date, timeZone: string): TWall {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

// Local wall time minus UTC, in milliseconds, at an instant.
function offsetAt(at: Date, timeZone: string): number {
  const w = wallTime(at, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The calendar day ('YYYY-MM-DD') of an instant in a time zone. */
export function localDay(at: Date, timeZone: string): string {
  const w = wallTime(at, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/**
 * The instant a local day starts. Two passes over the offset find it across a transition; where midnight does
 * not exist (zones that move clocks at midnight) it is the first instant of the day, one hour later.
 */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  let guess = wall - offsetAt(new Date(wall), timeZone);
  guess = wall - offsetAt(new Date(guess), timeZone);
  const at = new Date(guess);
  const w = wallTime(at, timeZone);
  if (w.year === year && w.month === month && w.day === day) return at;
  // In a gap: the wall clock jumped over midnight; the day starts when the clock lands in it.
  return new Date(guess + 3_600_000 * (Date.UTC(year, month - 1, day) > Date.UTC(w.year, w.month - 1, w.day) ? 1 : 0));
}

const MONTHS_IN: Record<TBudgetPeriod, number> = { month: 1, quarter: 3, year: 12 };

function ym(year: number, monthIndex: number): { year: number; month: number } {
  const d = new Date(Date.UTC(year, monthIndex, 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

function build(period: TBudgetPeriod, year: number, firstMonth: number, timeZone: string): TPeriod {
  const length = MONTHS_IN[period];
  const next = ym(year, firstMonth - 1 + length);
  const pad = (n: number) => String(n).padStart(2, '0');
  const key =
    period === 'month' ? `${year}-${pad(firstMonth)}` : period === 'quarter' ? `${year}-Q${(firstMonth + 2) / 3}` : `${year}`;
  const months = Array.from({ length }, (_, i) => {
    const m = ym(year, firstMonth - 1 + i);
    return `${m.year}-${pad(m.month)}`;
  });
  return {
    period,
    key,
    start: startOfLocalDay(year, firstMonth, 1, timeZone),
    end: startOfLocalDay(next.year, next.month, 1, timeZone),
    startDay: `${year}-${pad(firstMonth)}-01`,
    endDay: `${next.year}-${pad(next.month)}-01`,
    months,
  };
}

/** The period of `period` kind that contains the instant `at`, in `timeZone`. */
export function periodContaining(at: Date, period: TBudgetPeriod, timeZone: string): TPeriod {
  const w = wallTime(at, timeZone);
  const firstMonth = period === 'month' ? w.month : period === 'quarter' ? Math.floor((w.month - 1) / 3) * 3 + 1 : 1;
  return build(period, w.year, firstMonth, timeZone);
}

const KEY_RE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** The period named by a key: '2026-03', '2026-Q1' or '2026'. */
export function periodFromKey(key: string, timeZone: string): TPeriod {
  const m = KEY_RE.exec(key);
  if (!m) throw new RangeError(`a period is YYYY-MM, YYYY-Qn or YYYY, got "${key}"`);
  const year = Number(m[1]);
  if (m[2]) return build('month', year, Number(m[2]), timeZone);
  if (m[3]) return build('quarter', year, (Number(m[3]) - 1) * 3 + 1, timeZone);
  return build('year', year, 1, timeZone);
}

/** The period `n` periods after (negative: before) `p`. */
export function shiftPeriod(p: TPeriod, n: number, timeZone: string): TPeriod {
  const [year, month] = p.startDay.split('-').map(Number);
  const moved = ym(year, month - 1 + n * MONTHS_IN[p.period]);
  return build(p.period, moved.year, moved.month, timeZone);
}
