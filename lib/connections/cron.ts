// A small evaluator for 5-field cron expressions (minute hour day-of-month month day-of-week) with
// `*`, lists, ranges, steps and month/day names, evaluated in a time zone through Intl, so a
// schedule of "0 6 * * *" means 06:00 in the organisation's zone across daylight-saving changes.
// Day-of-month and day-of-week follow Vixie cron: when neither starts with *, either may match.
// A wall-clock time that does not exist (skipped by a spring-forward change) does not fire.
import { AppError } from '../errors';

export type TCron = {
  source: string;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>; // 0 = Sunday
  anyDay: boolean; // day-of-month is *
  anyWeekday: boolean; // day-of-week is *
};

const MINUTE = 60_000;
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

type TFieldSpec = { name: string; min: number; max: number; names?: string[]; namesFrom?: number };
const FIELDS: TFieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, namesFrom: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES, namesFrom: 0 },
];

function cronError(expression: string, message: string) {
  return new AppError('BAD_REQUEST', `invalid cron "${expression}": ${message}`, [{ field: 'syncCron', message }]);
}

function parseValue(text: string, spec: TFieldSpec, expression: string): number {
  const lower = text.toLowerCase();
  const named = spec.names?.indexOf(lower) ?? -1;
  if (named >= 0) return named + (spec.namesFrom ?? 0);
  if (!/^\d+$/.test(text)) throw cronError(expression, `${spec.name}: "${text}" is not a number`);
  const n = Number(text);
  if (n < spec.min || n > spec.max) throw cronError(expression, `${spec.name}: ${n} is outside ${spec.min}-${spec.max}`);
  return n;
}

function parseField(text: string, spec: TFieldSpec, expression: string): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    if (!part) throw cronError(expression, `${spec.name}: empty list item`);
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined) throw cronError(expression, `${spec.name}: "${part}" has more than one step`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) throw cronError(expression, `${spec.name}: step "${stepText}" must be a positive number`);
      step = Number(stepText);
    }
    let lo: number;
    let hi: number;
    if (range === '*') {
      lo = spec.min;
      hi = spec.name === 'day of week' ? 6 : spec.max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = parseValue(a, spec, expression);
      hi = parseValue(b, spec, expression);
      if (lo > hi) throw cronError(expression, `${spec.name}: range ${range} runs backwards`);
    } else {
      lo = parseValue(range, spec, expression);
      // "5/15" means from 5 to the end in steps of 15
      hi = stepText !== undefined ? spec.max : lo;
    }
    for (let v = lo; v <= hi; v += step) values.add(spec.name === 'day of week' && v === 7 ? 0 : v);
  }
  return values;
}

export function parseCron(expression: string): TCron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 || parts[0] === '')
    throw cronError(expression, 'needs 5 fields: minute hour day-of-month month day-of-week');
  const [minutes, hours, days, months, weekdays] = parts.map((p, i) => parseField(p, FIELDS[i], expression));
  return {
    source: expression.trim(),
    minutes,
    hours,
    days,
    months,
    weekdays,
    // as in Vixie cron, a day field that starts with * ("*/2" too) makes the two day fields both apply
    anyDay: parts[2].startsWith('*'),
    anyWeekday: parts[4].startsWith('*'),
  };
}

export function isValidCron(expression: string): boolean {
  try {
    parseCron(expression);
    return true;
  } catch {
    return false;
  }
}

// ── wall-clock fields in a time zone ──

// offset: local wall time minus UTC, in minutes (changes at daylight-saving transitions)
type TLocal = { month: number; day: number; hour: number; minute: number; weekday: number; offset: number };

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
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localFields(at: Date, timeZone: string): TLocal {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) out[p.type] = p.value;
  const [year, month, day, hour, minute] = [out.year, out.month, out.day, out.hour, out.minute].map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  return {
    month,
    day,
    hour,
    minute,
    weekday: DAY_NAMES.indexOf(out.weekday.toLowerCase().slice(0, 3)),
    offset: Math.round((wall - Math.floor(at.getTime() / MINUTE) * MINUTE) / MINUTE),
  };
}

function dayMatches(cron: TCron, f: TLocal): boolean {
  if (!cron.months.has(f.month)) return false;
  const dom = cron.days.has(f.day);
  const dow = cron.weekdays.has(f.weekday);
  return cron.anyDay || cron.anyWeekday ? dom && dow : dom || dow;
}

function matches(cron: TCron, f: TLocal): boolean {
  return dayMatches(cron, f) && cron.hours.has(f.hour) && cron.minutes.has(f.minute);
}

export function cronMatches(cron: TCron, at: Date, timeZone: string): boolean {
  return matches(cron, localFields(at, timeZone));
}

const MAX_STEPS = 200_000;

// How many minutes back to the latest local minute that could still match (by wall-clock
// arithmetic, exact while the UTC offset does not change).
function stepBack(cron: TCron, f: TLocal): number {
  if (!dayMatches(cron, f)) return f.hour * 60 + f.minute + 1;
  if (!cron.hours.has(f.hour)) return f.minute + 1;
  let m = f.minute - 1;
  while (m >= 0 && !cron.minutes.has(m)) m--;
  return m >= 0 ? f.minute - m : f.minute + 1;
}

function stepForward(cron: TCron, f: TLocal): number {
  if (!dayMatches(cron, f)) return 24 * 60 - (f.hour * 60 + f.minute);
  if (!cron.hours.has(f.hour)) return 60 - f.minute;
  let m = f.minute + 1;
  while (m < 60 && !cron.minutes.has(m)) m++;
  return m - f.minute;
}

// Walks minute-aligned instants from `start` in `direction`, jumping over local days, hours and
// minutes that cannot match. A jump that crosses a daylight-saving change (the offset differs at
// both ends) is replaced by single minutes, so no instant is ever skipped.
function search(cron: TCron, start: number, direction: 1 | -1, timeZone: string, limit: number): Date | null {
  let t = start;
  let f = localFields(new Date(t), timeZone);
  for (let i = 0; i < MAX_STEPS; i++) {
    if (direction < 0 ? t <= limit : t > limit) return null;
    if (matches(cron, f)) return new Date(t);
    const jump = direction < 0 ? stepBack(cron, f) : stepForward(cron, f);
    let next = t + direction * jump * MINUTE;
    let g = localFields(new Date(next), timeZone);
    if (jump > 1 && g.offset !== f.offset) {
      next = t + direction * MINUTE;
      g = localFields(new Date(next), timeZone);
    }
    t = next;
    f = g;
  }
  return null;
}

// The latest matching minute at or before `at` and after `notBefore` (default: five years back),
// or null.
export function previousCronTime(
  cron: TCron,
  at: Date,
  timeZone: string,
  notBefore: Date = new Date(at.getTime() - 5 * 366 * 86_400_000),
): Date | null {
  return search(cron, Math.floor(at.getTime() / MINUTE) * MINUTE, -1, timeZone, notBefore.getTime());
}

// The first matching minute strictly after `after`, within five years, or null.
export function nextCronTime(cron: TCron, after: Date, timeZone: string): Date | null {
  const start = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE;
  return search(cron, start, 1, timeZone, start + 5 * 366 * 86_400_000);
}

// Whether the schedule has fired since `lastRun` (exclusive) up to `now` (inclusive). Never run:
// due at once, so a new connection fills without waiting for its first scheduled time.
export function isCronDue(cron: TCron, options: { lastRun: Date | null; now: Date; timeZone: string }): boolean {
  if (!options.lastRun) return true;
  return previousCronTime(cron, options.now, options.timeZone, options.lastRun) !== null;
}
