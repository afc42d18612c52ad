// Grafana Cloud Pro bill of the demo (the plan's Prometheus + Grafana + logs + alerting): platform
// fee and IRM users monthly, metrics series, logs, traces and k6 load tests as daily usage.
import { addUtcDays, startOfUtcMonth } from '../dates';
import type { TFocusRecord } from '../focus/types';
import { billedDays, billedMonths, type TDemoModel } from './model';
import { charge, type TDemoCharge, type TDemoProvider } from './record';

export const GRAFANA_PROVIDER: TDemoProvider = {
  providerName: 'Grafana Labs',
  publisherName: 'Grafana Labs',
  invoiceIssuerName: 'Raintank, Inc. dba Grafana Labs',
  billingAccountId: 'europecyclisme',
  billingAccountName: 'europecyclisme',
  billingCurrency: 'USD',
};
const STACK = { id: '712394', name: 'europecyclisme.grafana.net' };
const REGION = { id: 'prod-eu-west-2', name: 'Grafana Cloud EU' };
const SERVICE = 'Grafana Cloud';

export function activeSeries(day: { avgNodes: number; avgReplicas: number }): number {
  return 11_000 + 1_400 * day.avgNodes + 900 * day.avgReplicas;
}

export function grafanaCosts(model: TDemoModel): TFocusRecord[] {
  const rows: TDemoCharge[] = [];
  const common = { provider: GRAFANA_PROVIDER, subAccount: STACK, region: REGION, service: SERVICE, serviceCategory: 'Management and Governance', env: 'prod' as const, team: 'sre' };
  for (const month of billedMonths(model)) {
    const base = { ...common, start: month.start, end: month.end, category: 'Purchase' as const, frequency: 'Recurring' as const };
    rows.push({ ...base, description: 'Grafana Cloud Pro platform fee', sku: { id: 'GC-PRO-PLATFORM' }, amount: { billed: '19' } });
    if (month.start >= startOfUtcMonth(model.phases.rolloutStart)) {
      rows.push({ ...base, description: 'Grafana IRM: 2 active users beyond the 3 included', sku: { id: 'GC-IRM-USER' }, amount: { billed: '40' } });
    }
  }
  for (const day of billedDays(model)) {
    const base = { ...common, start: day.date, end: addUtcDays(day.date, 1) };
    rows.push(
      {
        ...base,
        description: 'Metrics: active series beyond 10k included, $8 per 1k series',
        sku: { id: 'GC-METRICS-SERIES' },
        quantity: Math.max(0, activeSeries(day) - 10_000) / 1000 / day.daysInMonth,
        unit: '1k Series-Months',
        listUnitPrice: '8',
      },
      {
        ...base,
        description: 'Logs: GB ingested beyond 50 GB included, $0.50 per GB',
        sku: { id: 'GC-LOGS-GB' },
        quantity: Math.max(0, day.logsGb - 50 / day.daysInMonth),
        unit: 'GB',
        listUnitPrice: '0.50',
      },
      {
        ...base,
        description: 'Traces: GB ingested beyond 50 GB included, $0.50 per GB',
        sku: { id: 'GC-TRACES-GB' },
        quantity: Math.max(0, day.logsGb * 0.35 - 50 / day.daysInMonth),
        unit: 'GB',
        listUnitPrice: '0.50',
      },
    );
    if (day.loadTestVuh > 0) {
      rows.push({
        ...base,
        serviceCategory: 'Developer Tools',
        description: 'k6 load test: virtual user hours',
        sku: { id: 'GC-K6-VUH' },
        quantity: day.loadTestVuh,
        unit: 'VUh',
        listUnitPrice: '0.15',
      });
    }
  }
  return rows.filter((r) => r.amount || (r.quantity ?? 0) > 0).map(charge);
}
