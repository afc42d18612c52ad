// UTC calendar helpers for connectors: days and months as half-open [start, end) periods.
const DAY_MS = 86_400_000;

export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function startOfUtcMonth(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

export function addUtcDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

// Same day of month, clamped to the target month's last day (31 January + 1 month → 28/29 February).
export function addUtcMonths(d: Date, months: number): Date {
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      first.getUTCFullYear(),
      first.getUTCMonth(),
      Math.min(d.getUTCDate(), lastDay),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ),
  );
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// The UTC days that start within [from, to).
export function utcDaysIn(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  let day = startOfUtcDay(from);
  if (day < from) day = addUtcDays(day, 1);
  for (; day < to; day = addUtcDays(day, 1)) days.push(day);
  return days;
}

// The UTC days that [from, to) touches, partial first and last days included.
export function utcDaysOverlapping(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  for (let day = startOfUtcDay(from); day < to; day = addUtcDays(day, 1)) days.push(day);
  return days;
}
