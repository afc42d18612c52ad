// CLI commands for anomaly detection and unit costs: run detection, list anomalies, business metrics.
import fs from 'node:fs';
import { runAnomalyDetection } from '../anomalies/run-detection';
import { addIsoDays, isoDay } from '../dates';
import { AppError } from '../errors';
import { getUnitCosts, ZUnitCostQuery } from '../queries/get-unit-costs';
import { listAnomalies } from '../queries/list-anomalies';
import { listBusinessMetrics } from '../queries/list-business-metrics';
import { upsertMetricPoints } from '../unit-costs/metric-store';
import { parseMetricCsv } from '../unit-costs/parse-metric-csv';
import { pullAllPrometheusMetrics } from '../unit-costs/pull-prometheus-metrics';
import { dayOption, formatOption, table } from './cli-format';
import { CliUsageError, option, positional, type TCliCommand } from './types';

const signed = (v: string) => (v.startsWith('-') ? v : `+${v}`);

export const anomalyCommands: TCliCommand[] = [
  {
    name: 'anomalies:detect',
    usage: 'anomalies:detect [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
    summary: 'judge the days [from, to] of every monitor (default: the last 14 billed days) and store the anomalies; running it again changes nothing',
    valueOptions: ['from', 'to'],
    run: async (args, io) => {
      const from = dayOption(args, 'from');
      const to = dayOption(args, 'to');
      if (from && to && from > to) throw new CliUsageError('--to must not be before --from');
      const r = await runAnomalyDetection({ from, to });
      if (!r.to) {
        io.out('no cost data yet: nothing to judge');
        return 0;
      }
      io.out(`judged ${r.judgedFrom ?? '(none: under 14 days of history)'} → ${r.to} over ${r.monitors} monitors`);
      io.out(`  new ${r.found}, changed ${r.updated}, unchanged ${r.unchanged}, removed ${r.removed}, alerts queued ${r.alerts}`);
      if (r.judgedFrom && from && r.judgedFrom > from) io.out(`  days before ${r.judgedFrom} were not judged: 14 days of history are needed first`);
      return 0;
    },
  },
  {
    name: 'anomalies',
    usage: 'anomalies [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--status open|acknowledged|expected|false_positive] [--format table|json]',
    summary: 'the anomalies found (default: the last 30 days; to is exclusive), newest first',
    valueOptions: ['from', 'to', 'status', 'format'],
    run: async (args, io) => {
      const format = formatOption(args, ['table', 'json'] as const, 'table');
      const to = dayOption(args, 'to');
      const from = dayOption(args, 'from') ?? addIsoDays(to ?? isoDay(new Date()), -30);
      const status = option(args, 'status');
      const statuses = ['open', 'acknowledged', 'expected', 'false_positive'] as const;
      if (status && !(statuses as readonly string[]).includes(status)) throw new CliUsageError(`--status must be one of ${statuses.join(', ')}`);
      const rows = await listAnomalies({ from, to, status: status as (typeof statuses)[number] | undefined });
      if (format === 'json') {
        io.out(JSON.stringify({ rows }, null, 2));
        return 0;
      }
      if (!rows.length) {
        io.out(`no anomalies since ${from}`);
        return 0;
      }
      table(
        [
          ['start', 'end', 'monitor', 'direction', 'expected', 'actual', 'impact', 'impact %', 'status', 'top contribution'],
          ...rows.map((a) => [
            a.startDay,
            a.endDay,
            a.monitor.name,
            a.direction,
            a.expected,
            a.actual,
            `${signed(a.impact)} ${a.currency}`,
            a.impactPercent === null ? '' : `${signed(a.impactPercent)}%`,
            `${a.status}${a.provisional ? ' (provisional)' : ''}`,
            a.contributions[0] ? `${a.contributions[0].label} ${signed(a.contributions[0].impact.toFixed(2))}` : '',
          ]),
        ],
        io,
      );
      return 0;
    },
  },
  {
    name: 'business-metrics',
    usage: 'business-metrics',
    summary: 'the business metrics (active users, requests…) and how far their daily values reach',
    run: async (_args, io) => {
      const metrics = await listBusinessMetrics();
      if (!metrics.length) {
        io.out('no business metrics yet: add one in Unit costs or with POST /api/v1/business-metrics');
        return 0;
      }
      table(
        [
          ['name', 'label', 'unit', 'source', 'points', 'from', 'to', 'latest'],
          ...metrics.map((m) => [m.name, m.label, m.per > 1 ? `${m.per} ${m.unit}` : m.unit, m.source, String(m.points), m.firstDay ?? '', m.lastDay ?? '', m.lastValue ?? '']),
        ],
        io,
      );
      return 0;
    },
  },
  {
    name: 'business-metrics:import',
    usage: 'business-metrics:import NAME FILE.csv',
    summary: 'import daily values (day,value lines) into a business metric; a bad line is named and nothing is written',
    run: async (args, io) => {
      const name = positional(args, 0, 'NAME');
      const file = positional(args, 1, 'FILE');
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliUsageError(`no such file: ${file}`);
      const { points, issues } = parseMetricCsv(fs.readFileSync(file, 'utf8'));
      if (issues.length) {
        for (const i of issues.slice(0, 20)) io.err(`${i.row ? `line ${i.row}: ` : ''}${i.field ? `${i.field} ` : ''}${i.message}`);
        if (issues.length > 20) io.err(`… and ${issues.length - 20} more`);
        io.err('nothing was imported');
        return 1;
      }
      const r = await upsertMetricPoints(name, points, { source: 'csv', actor: { type: 'cli', label: 'cli' } });
      io.out(`${name}: ${r.inserted} new, ${r.updated} changed, ${r.unchanged} unchanged`);
      return 0;
    },
  },
  {
    name: 'business-metrics:pull',
    usage: 'business-metrics:pull [--days N]',
    summary: 'pull the metrics that come from Prometheus, for the last N complete days (default 3)',
    valueOptions: ['days'],
    run: async (args, io) => {
      const days = Number(option(args, 'days') ?? '3');
      if (!Number.isInteger(days) || days < 1 || days > 400) throw new CliUsageError('--days must be a whole number from 1 to 400');
      const results = await pullAllPrometheusMetrics({ now: new Date(), days });
      if (!results.length) io.out('no metric comes from Prometheus');
      for (const r of results) io.out(r.error ? `${r.metric}: failed: ${r.error}` : `${r.metric}: ${r.points} days (${r.inserted ?? 0} new, ${r.updated ?? 0} changed)`);
      return results.some((r) => r.error) ? 1 : 0;
    },
  },
  {
    name: 'unit-costs',
    usage: 'unit-costs METRIC [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--granularity day|month] [--provider P] [--service PROVIDER:ID] [--format table|json]',
    summary: 'cost of a scope per unit of a business metric (default: the last 12 months by month; to is exclusive)',
    valueOptions: ['from', 'to', 'granularity', 'provider', 'service', 'region', 'account', 'category', 'currency', 'format'],
    run: async (args, io) => {
      const format = formatOption(args, ['table', 'json'] as const, 'table');
      const today = isoDay(new Date());
      const parsed = ZUnitCostQuery.safeParse({
        metric: positional(args, 0, 'METRIC'),
        from: option(args, 'from') ?? `${addIsoDays(today, -365).slice(0, 7)}-01`,
        to: option(args, 'to') ?? addIsoDays(today, 1),
        granularity: option(args, 'granularity'),
        provider: option(args, 'provider'),
        service: option(args, 'service'),
        region: option(args, 'region'),
        account: option(args, 'account'),
        category: option(args, 'category'),
        currency: option(args, 'currency'),
      });
      if (!parsed.success) throw new CliUsageError(parsed.error.issues.map((i) => `--${i.path.join('.') || 'metric'} ${i.message}`).join('; '));
      const result = await getUnitCosts(parsed.data).catch((e) => {
        if (e instanceof AppError && e.code === 'BAD_REQUEST') throw new CliUsageError(e.message);
        throw e;
      });
      if (format === 'json') {
        io.out(JSON.stringify(result, null, 2));
        return 0;
      }
      const per = result.metric.per > 1 ? `${result.metric.per} ${result.metric.unit}` : result.metric.unit;
      table(
        [
          ['period', `cost (${result.currency})`, result.metric.label, `per ${per}`],
          ...result.rows.map((r) => [r.period, Number(r.cost).toFixed(2), r.value ?? '', r.unitCost === null ? '' : Number(r.unitCost).toFixed(4)]),
        ],
        io,
      );
      if (result.trend.change !== null) io.out(`trend: ${(result.trend.change * 100).toFixed(1)}% against the period before`);
      return 0;
    },
  },
];
