// CLI commands for budgets: list, create, evaluate (the evaluate-budgets job runs the same function).
import { evaluateBudgets } from '../budgets/evaluate-budgets';
import { createBudget } from '../budgets/save-budget';
import { env } from '../env';
import { listBudgets, withoutDays } from '../queries/list-budgets';
import { formatOption, table, values } from './cli-format';
import { CliUsageError, option, positional, type TCliCommand } from './types';

const CLI_ACTOR = { type: 'cli' as const, label: 'cli' };

// "actual:80%", "forecast:100%", "actual:5000" (an amount)
export function parseThreshold(text: string): { on: 'actual' | 'forecast'; percent?: number; amount?: string } {
  const m = /^(actual|forecast):(\d+(?:[.,]\d+)?)(%?)$/.exec(text.trim());
  if (!m) throw new CliUsageError(`--threshold must be actual:80% or forecast:100% or actual:5000 (an amount), got "${text}"`);
  const value = m[2].replace(',', '.');
  return m[3] ? { on: m[1] as 'actual' | 'forecast', percent: Number(value) } : { on: m[1] as 'actual' | 'forecast', amount: value };
}

export const budgetCommands: TCliCommand[] = [
  {
    name: 'budgets',
    usage: 'budgets [--format table|json]',
    summary: 'budgets with their current period: amount, actual, forecast, state',
    valueOptions: ['format'],
    run: async (args, io) => {
      const format = formatOption(args, ['table', 'json'] as const, 'table');
      const budgets = await listBudgets({ now: new Date(), timeZone: env().ORG_TIMEZONE });
      if (format === 'json') {
        io.out(JSON.stringify({ budgets: budgets.map(withoutDays) }, null, 2));
        return 0;
      }
      if (!budgets.length) {
        io.out('no budgets yet: create one with budget:create NAME --amount A');
        return 0;
      }
      const money = (v: string | null) => (v === null ? '—' : Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
      const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(0)}%`);
      table(
        [
          ['NAME', 'PERIOD', 'AMOUNT', 'ACTUAL', '%', 'FORECAST', '%', 'STATE'],
          ...budgets.map((b) => [
            b.name,
            b.current.period,
            `${money(b.current.amount)} ${b.currency}`,
            money(b.current.actual),
            pct(b.current.percentActual),
            money(b.current.forecast),
            pct(b.current.percentForecast),
            b.current.state,
          ]),
        ],
        io,
      );
      return 0;
    },
  },
  {
    name: 'budget:create',
    usage: 'budget:create NAME --amount A [--period month|quarter|year] [--currency CUR] [--provider P …] [--threshold actual:80% …]',
    summary: 'create a budget with a fixed amount; each --provider makes one budget scope (one provider per budget), thresholds repeat',
    valueOptions: ['amount', 'period', 'currency', 'provider', 'threshold'],
    repeatable: ['provider', 'threshold'],
    run: async (args, io) => {
      const name = positional(args, 0, 'NAME');
      const amount = option(args, 'amount');
      if (!amount) throw new CliUsageError('--amount is required');
      const providers = values(args, 'provider');
      if (providers.length > 1) throw new CliUsageError('a budget has one provider in its scope: give --provider once');
      const { id } = await createBudget(
        {
          name,
          amount,
          period: option(args, 'period') ?? 'month',
          ...(option(args, 'currency') ? { currency: option(args, 'currency') } : {}),
          scope: providers.length ? { provider: providers[0] } : {},
          thresholds: values(args, 'threshold').map(parseThreshold),
        },
        CLI_ACTOR,
      );
      io.out(`budget ${name} created (${id})`);
      return 0;
    },
  },
  {
    name: 'budgets:evaluate',
    usage: 'budgets:evaluate',
    summary: 'evaluate every budget for its current period, keep the states and raise alarms (once per threshold and period)',
    run: async (_args, io) => {
      const r = await evaluateBudgets({ now: new Date(), timeZone: env().ORG_TIMEZONE });
      io.out(`${r.evaluated} budget(s) evaluated, ${r.closed} past period(s) closed, ${r.alarms.length} alarm(s) raised`);
      for (const a of r.alarms) io.out(`  alarm: ${a.budget} (${a.period}), threshold ${a.threshold}`);
      for (const f of r.failed) io.err(`  failed: ${f.budget}: ${f.error}`);
      return r.failed.length ? 1 : 0;
    },
  },
];
