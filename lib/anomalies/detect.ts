// Anomaly detection on one daily series: robust, weekday-seasonal, both directions, both statistics and money.
import { computeBaseline, DEFAULT_THRESHOLDS, MIN_HISTORY_DAYS, type TAnomalyPoint } from './baseline';

export type { TAnomalyPoint };
export type TDirection = 'increase' | 'decrease';

export type TDetectOptions = {
  points: readonly TAnomalyPoint[];
  /** First day to judge (inclusive); days with under 14 days of history before them are not judged. */
  from?: string;
  /** Last day to judge and to read (inclusive): nothing after it is used. */
  to?: string;
  /** Days never judged and whose residuals do not widen the spread: the days of false positives. */
  ignoreDays?: Iterable<string>;
  /** Robust z-score threshold (default 3.5, Iglewicz & Hoaglin; see DEFAULT_THRESHOLDS). */
  threshold?: number;
  /** Minimum deviation in percent of the expected amount (default 20). */
  minPercent?: number;
  /** Minimum deviation in money a day, in the series' currency (default 20). */
  minAmount?: number;
};

export type TJudgedDay = {
  day: string;
  actual: number;
  expected: number;
  /** The expected band: expected + bias ± threshold · robust σ. */
  lower: number;
  upper: number;
  /** Robust z-score of the day's residual. */
  score: number;
  anomalous: boolean;
  estimated: boolean;
};

export type TAnomaly = {
  startDay: string;
  endDay: string;
  direction: TDirection;
  days: number;
  expected: number;
  actual: number;
  /** actual − expected, summed over the anomaly's days. */
  impact: number;
  /** impact / expected in percent; null when nothing was expected. */
  impactPercent: number | null;
  /** The largest |robust z| of its days. */
  score: number;
  /** A day of it is still estimated by the provider. */
  provisional: boolean;
  /** It runs to the last day read: tomorrow's data may extend it (or, for a level shift, end it). */
  ongoing: boolean;
};

export type TDetection = {
  /** The first day judged (null when none could be). */
  judgedFrom: string | null;
  judged: TJudgedDay[];
  anomalies: TAnomaly[];
};


/**
 * Consecutive anomalous days in the same direction form one anomaly; a normal day, an ignored day or a change of
 * direction ends it. A level shift is one anomaly covering its first days: the baseline's level is the median of
 * the last 14 days, so after 7 or 8 days at the new level the new level is expected and nothing more is raised.
 */
export function detectAnomalies(options: TDetectOptions): TDetection {
  const threshold = options.threshold ?? DEFAULT_THRESHOLDS.threshold;
  const minPercent = options.minPercent ?? DEFAULT_THRESHOLDS.minPercent;
  const minAmount = options.minAmount ?? DEFAULT_THRESHOLDS.minAmount;
  if (!(threshold > 0)) throw new RangeError('threshold must be positive');
  if (!(minPercent >= 0) || !(minAmount >= 0)) throw new RangeError('minPercent and minAmount must not be negative');
  const ignore = new Set(options.ignoreDays ?? []);
  const baseline = computeBaseline(options.points, {
    to: options.to,
    excludeFromSpread: ignore,
    thresholds: { threshold, minPercent, minAmount },
  });

  const judged: TJudgedDay[] = [];
  const anomalies: TAnomaly[] = [];
  let open: (TAnomaly & { lastIndex: number }) | null = null;
  const close = () => {
    if (open) {
      const { lastIndex: _lastIndex, ...anomaly } = open;
      anomalies.push(anomaly);
    }
    open = null;
  };

  baseline.forEach((b, index) => {
    if (b.expected === null || (options.from && b.day < options.from) || ignore.has(b.day)) {
      close();
      return;
    }
    const { score, anomalous } = b;
    const direction: TDirection = b.actual >= b.expected ? 'increase' : 'decrease';
    judged.push({
      day: b.day,
      actual: b.actual,
      expected: b.expected,
      lower: b.expected + b.center - threshold * b.scale,
      upper: b.expected + b.center + threshold * b.scale,
      score,
      anomalous,
      estimated: b.estimated,
    });
    if (!anomalous) {
      close();
      return;
    }
    if (open && (open.direction !== direction || open.lastIndex !== index - 1)) close();
    if (!open) {
      open = {
        startDay: b.day,
        endDay: b.day,
        direction,
        days: 0,
        expected: 0,
        actual: 0,
        impact: 0,
        impactPercent: null,
        score: 0,
        provisional: false,
        ongoing: false,
        lastIndex: index,
      };
    }
    const a: TAnomaly & { lastIndex: number } = open;
    a.endDay = b.day;
    a.lastIndex = index;
    a.days += 1;
    a.expected += b.expected;
    a.actual += b.actual;
    a.impact = a.actual - a.expected;
    a.impactPercent = a.expected === 0 ? null : (a.impact / Math.abs(a.expected)) * 100;
    a.score = Math.max(a.score, Math.abs(score));
    a.provisional = a.provisional || b.estimated;
    a.ongoing = index === baseline.length - 1;
  });
  close();

  return { judgedFrom: judged[0]?.day ?? null, judged, anomalies };
}

export { MIN_HISTORY_DAYS };
