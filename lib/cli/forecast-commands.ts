// CLI command for the spend forecast: the same reader as the API and the pages.
import { parseInput } from '../connections/validate';
import { env } from '../env';
import { getForecast, ZForecastQuery } from '../queries/get-forecast';
import { planOfRecordMonths } from '../queries/plan-of-record-months';
import { dayOption, formatOption, table } from './cli-format';
import { CliUsageError, option, type TCliCommand } from './types';

export const forecastCommands: TCliCommand[] = [
  {
    name: 'forecast',
    usage:
      'forecast --from YYYY-MM-DD --to YYYY-MM-DD [--as-of YYYY-MM-DD] [--group-by none|provider|service|region|account] [--granularity day|month] [--interval 50–95] [--currency CUR] [--provider P] [--service PROVIDER:S] [--region PROVIDER:R] [--account PROVIDER:A] [--tag KEY=VALUE] [--format table|json]',
    summary: 'spend forecast with its interval and backtest (to is exclusive); plan rows follow the plan of record',
    valueOptions: ['from', 'to', 'as-of', 'group-by', 'granularity', 'interval', 'currency', 'provider', 'service', 'region', 'account', 'tag', 'format'],
    run: async (args, io) => {
      const format = formatOption(args, ['table', 'json'] as const, 'table');
      const from = dayOption(args, 'from');
      const to = dayOption(args, 'to');
      if (!from || !to) throw new CliUsageError('--from and --to are required (YYYY-MM-DD, to exclusive)');
      const query = parseInput(ZForecastQuery, {
        from,
        to,
        asOf: dayOption(args, 'as-of'),
        groupBy: option(args, 'group-by'),
        granularity: option(args, 'granularity'),
        interval: option(args, 'interval'),
        currency: option(args, 'currency'),
        provider: option(args, 'provider'),
        service: option(args, 'service'),
        region: option(args, 'region'),
        account: option(args, 'account'),
        tag: option(args, 'tag'),
      });
      const { ORG_TIMEZONE, DISPLAY_CURRENCY } = env();
      const result = await getForecast(query, { now: new Date(), timeZone: ORG_TIMEZONE, currency: DISPLAY_CURRENCY, plan: planOfRecordMonths });
      if (format === 'json') {
        io.out(JSON.stringify(result, null, 2));
        return 0;
      }
      const money = (v: string) => Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      io.out(`forecast as of ${result.asOf} (data before that day), ${result.interval}% interval, ${result.currency}`);
      table(
        [
          ['PERIOD', 'GROUP', 'METHOD', 'MEAN', 'LOWER', 'UPPER'],
          ...result.rows.map((r) => [r.period, r.label, r.method, money(r.mean), money(r.lower), money(r.upper)]),
        ],
        io,
      );
      const b = result.backtest;
      const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
      io.out(`backtest: ${b.method}, MAPE ${pct(b.mape)} (seasonal naive ${pct(b.baselineMape)}), coverage ${pct(b.coverage)} over ${b.points} points`);
      if (b.note) io.out(`note: ${b.note}`);
      for (const p of result.providerForecasts) io.out(`AWS GetCostForecast ${p.period}–${p.periodEnd}: ${p.mean} ${p.currency} (${p.lower ?? '?'}–${p.upper ?? '?'})`);
      return 0;
    },
  },
];
