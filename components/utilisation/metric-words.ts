// A metric's words and quantities in the reader's language: its label and noun from the messages
// (the catalogue's English words for metrics no message names), values with translated units.
import type { useTranslations } from 'next-intl';
import type { TFormatter } from '@/lib/format/formatter';
import { metricInfo } from '@/lib/utilisation/metric-catalogue';

export type TUtilisationT = ReturnType<typeof useTranslations<'utilisation'>>;

const UNIT_KEYS: Record<string, 'reqPerSec' | 'opsPerSec' | 'iops' | 'cores'> = { 'req/s': 'reqPerSec', 'ops/s': 'opsPerSec', iops: 'iops', cores: 'cores' };

export function metricLabel(t: TUtilisationT, metric: string): string {
  const key = `metrics.${metric}.label` as 'metrics.cpu_percent.label';
  return t.has(key) ? t(key) : metricInfo(metric).label;
}

export function metricNoun(t: TUtilisationT, metric: string): string {
  const key = `metrics.${metric}.noun` as 'metrics.cpu_percent.noun';
  return t.has(key) ? t(key) : metricInfo(metric).noun;
}

/** "5,9 GB", "26 %", "1 234 requêtes/s", "42" (counts carry no unit). */
export function quantity(t: TUtilisationT, fmt: TFormatter, value: number, unit: string): string {
  if (unit === 'bytes' || unit === 'percent' || unit === 'ratio') return fmt.quantity(value, unit);
  const number = fmt.number(value);
  if (unit === 'count' || unit === '') return number;
  const key = UNIT_KEYS[unit];
  return `${number} ${key ? t(`units.${key}`) : unit}`;
}
