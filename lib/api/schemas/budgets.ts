// Budget bodies as the API, the CLI and the page's form send them, validated once here.
import { z } from 'zod';
import { BUDGET_PERIODS } from '../../budgets/periods';
import { compareDecimal, roundDecimal, tryNormalizeDecimal } from '../../money/decimal';
import { ZSpendScope } from '../../queries/read-spend-series';

export const ZBudgetMoney = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const given = tryNormalizeDecimal(typeof v === 'number' ? String(v) : v.trim());
    // stored to the cent: an amount that rounds to nothing is no amount
    const d = given === null ? null : roundDecimal(given, 2);
    if (d === null || compareDecimal(d, '0') <= 0) {
      ctx.addIssue({ code: 'custom', message: 'must be a positive amount such as 1200 or 1200.50' });
      return z.NEVER;
    }
    if (compareDecimal(d, '1000000000000') >= 0) {
      ctx.addIssue({ code: 'custom', message: 'must be below 1,000,000,000,000' });
      return z.NEVER;
    }
    return d;
  })
  .describe('a positive amount, decimal string or number');

export const ZBudgetThresholdInput = z
  .object({
    on: z.enum(['actual', 'forecast']),
    percent: z.number().min(0.01, 'must be at least 0.01').max(1000, 'must be at most 1000').optional().describe('percent of the amount (80 = 80%)'),
    amount: ZBudgetMoney.optional().describe('an absolute amount in the budget\'s currency'),
  })
  .strict()
  .superRefine((t, ctx) => {
    if ((t.percent === undefined) === (t.amount === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give either percent or amount', path: ['percent'] });
    }
  });

export const ZBudgetSubscriptionInput = z
  .object({ channelId: z.uuid('must be a channel id'), frequency: z.enum(['immediate', 'daily']).default('immediate') })
  .strict();

const PERIOD_KEY: Record<(typeof BUDGET_PERIODS)[number], RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(120),
  scope: ZSpendScope.strict().default({}),
  period: z.enum(BUDGET_PERIODS).default('month'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').optional().describe('default DISPLAY_CURRENCY'),
  amount: ZBudgetMoney.optional().describe('a fixed amount for every period'),
  amounts: z
    .array(z.object({ period: z.string().describe('2026-03, 2026-Q1 or 2026, as the period kind'), amount: ZBudgetMoney }).strict())
    .min(1)
    .max(120)
    .optional()
    .describe('an amount planned per period'),
  fromScenarioId: z.uuid('must be a scenario id').optional().describe('the scenario\'s monthly P50 summed over the period'),
  auto: z.object({ periods: z.number().int('must be a whole number').min(1).max(36) }).strict().optional().describe('the average actual spend of the last N periods'),
  thresholds: z.array(ZBudgetThresholdInput).max(10).default([]),
  subscriptions: z.array(ZBudgetSubscriptionInput).max(20).default([]),
};

const AMOUNT_KINDS = ['amount', 'amounts', 'fromScenarioId', 'auto'] as const;

type TWithAmount = { period: (typeof BUDGET_PERIODS)[number]; amount?: unknown; amounts?: { period: string }[]; fromScenarioId?: unknown; auto?: unknown; subscriptions?: { channelId: string }[] };

function checkAmount(b: TWithAmount, ctx: z.RefinementCtx) {
  const given = AMOUNT_KINDS.filter((k) => b[k] !== undefined);
  if (given.length !== 1) {
    ctx.addIssue({ code: 'custom', message: 'give exactly one of amount, amounts, fromScenarioId or auto', path: ['amount'] });
  }
  b.amounts?.forEach((a, i) => {
    if (!PERIOD_KEY[b.period].test(a.period)) {
      ctx.addIssue({ code: 'custom', message: `must name a ${b.period} (${b.period === 'month' ? '2026-03' : b.period === 'quarter' ? '2026-Q1' : '2026'})`, path: ['amounts', i, 'period'] });
    }
  });
  const keys = b.amounts?.map((a) => a.period) ?? [];
  if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'a period is planned twice', path: ['amounts'] });
  const channels = b.subscriptions?.map((s) => s.channelId) ?? [];
  if (new Set(channels).size !== channels.length) ctx.addIssue({ code: 'custom', message: 'a channel is subscribed twice', path: ['subscriptions'] });
}

export const ZBudgetInput = z.object(fields).strict().superRefine(checkAmount);
export type TBudgetInput = z.output<typeof ZBudgetInput>;

// A change: any field; an amount field replaces the budget's amount whatever its kind was.
export const ZBudgetPatch = z
  .object({
    name: fields.name.optional(),
    scope: ZSpendScope.strict().optional(),
    period: z.enum(BUDGET_PERIODS).optional(),
    currency: fields.currency,
    amount: fields.amount,
    amounts: fields.amounts,
    fromScenarioId: fields.fromScenarioId,
    auto: fields.auto,
    thresholds: z.array(ZBudgetThresholdInput).max(10).optional(),
    subscriptions: z.array(ZBudgetSubscriptionInput).max(20).optional(),
  })
  .strict();
export type TBudgetPatch = z.output<typeof ZBudgetPatch>;

const ZThresholdView = z.object({
  id: z.string(),
  on: z.enum(['actual', 'forecast']),
  percent: z.number().optional(),
  amount: z.string().optional(),
});

export const ZBudgetView = z.object({
  id: z.string(),
  name: z.string(),
  scope: ZSpendScope,
  period: z.enum(BUDGET_PERIODS),
  currency: z.string(),
  amount: z.string().optional(),
  amounts: z.array(z.object({ period: z.string(), amount: z.string() })).optional(),
  fromScenarioId: z.string().optional(),
  auto: z.object({ periods: z.number() }).optional(),
  thresholds: z.array(ZThresholdView),
  subscriptions: z.array(z.object({ channelId: z.string(), frequency: z.enum(['immediate', 'daily']) })),
  current: z
    .object({
      period: z.string().describe('2026-03, 2026-Q1 or 2026 in ORG_TIMEZONE'),
      startDay: z.string(),
      endDay: z.string().describe('exclusive'),
      asOf: z.string().describe('the first day without cost data'),
      amount: z.string().nullable().describe('null when the period has no amount (nothing planned, no history, a plan that does not cover it)'),
      amountBasis: z.object({ kind: z.string(), basis: z.array(z.string()), missing: z.array(z.string()) }),
      actual: z.string(),
      forecast: z.string().nullable().describe('spend expected by the period\'s end'),
      forecastLower: z.string().nullable(),
      forecastUpper: z.string().nullable(),
      percentActual: z.number().nullable(),
      percentForecast: z.number().nullable(),
      state: z.enum(['ok', 'alarm']),
      thresholds: z.array(ZThresholdView.extend({ limit: z.string().nullable(), value: z.string().nullable(), state: z.enum(['ok', 'alarm']) })),
    })
    .describe('the current period'),
  history: z
    .array(
      z.object({
        period: z.string(),
        amount: z.string().nullable(),
        actual: z.string(),
        forecast: z.string().nullable().describe('the last forecast made inside the period'),
        state: z.enum(['ok', 'alarm']),
        closed: z.boolean(),
        alarms: z.array(z.object({ thresholdId: z.string(), on: z.string(), limit: z.string(), value: z.string(), raisedAt: z.string() })),
      }),
    )
    .describe('evaluated periods, newest first'),
});
