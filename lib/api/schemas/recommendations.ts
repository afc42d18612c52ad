// Request and response schemas of the recommendations API and the commitment planner (they also feed the
// OpenAPI document). Money is a decimal string with its `currency`; levels of usage are numbers in their unit.
import { z } from 'zod';
import { ZDay } from '../../dates';
import { RECOMMENDATION_KINDS } from '../../recommendations/types';
import { INSTRUMENT_IDS } from '../../recommendations/commitments/instruments';

export const RECOMMENDATION_STATUSES = ['open', 'accepted', 'dismissed', 'snoozed', 'implemented'] as const;
export type TRecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** Commitment instruments the planner and the commitment rule know (one price-catalogue family each). */
export const COMMITMENT_INSTRUMENTS = INSTRUMENT_IDS;
export type TCommitmentInstrument = (typeof COMMITMENT_INSTRUMENTS)[number];
export const PAYMENT_OPTIONS = ['no-upfront', 'partial-upfront', 'all-upfront'] as const;
export const LOOKBACK_DAYS = [7, 30, 60, 90] as const;

const ZDecimal = z.string().regex(/^-?\d+(\.\d+)?$/).describe('decimal string');
export const ZSavingsRange = z.object({ p10: ZDecimal, p50: ZDecimal, p90: ZDecimal });
const ZParams = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));
/** A sentence the page translates: `recommendations.messages.<key>` with these ICU arguments. */
export const ZMessage = z.object({ key: z.string(), params: ZParams });

/** What a commitment covers, as data the page translates: `commitmentText.scopes.<key>` with these arguments. */
export const ZScopeMessage = ZMessage.describe('the scope as a message key (commitmentText.scopes.*) and its arguments; `scope` is its English text');
/** A built-in catalogue discount's source as a message key (commitmentText.discountSources.*); null for an item someone entered. */
const ZSourceMessage = ZMessage.nullable().describe('the source as a message key (commitmentText.discountSources.*); null when the catalogue item is not the built-in one');

export const ZLookback = z.object({
  days: z.number(),
  from: z.string().describe('ISO instant, inclusive'),
  to: z.string().describe('ISO instant, exclusive'),
  completeness: z.number().describe('share of the expected samples present, 0..1'),
});

export const ZEvidence = z.object({
  metric: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
  threshold: z.number().optional(),
  comparison: z.enum(['above', 'below', 'at-least', 'at-most']).optional(),
  source: z.string().optional(),
});

export const ZRisk = z.object({ level: z.enum(['low', 'medium', 'high']), text: z.string(), message: ZMessage });

export const ZTrancheView = z.object({
  month: z.string().describe('YYYY-MM when this tranche is bought'),
  monthIndex: z.number().describe('months after asOf (0: now)'),
  /** The added level in the instrument's amount unit: per hour (Savings Plans), count (reservations), per month (bundles). */
  amount: ZDecimal,
  /** On-demand usage the tranche covers per hour, in the measure's units. */
  level: z.number(),
  upfront: ZDecimal,
  recurringMonthly: ZDecimal,
  expectedMonthlySavings: ZDecimal,
  breakEvenMonths: z.number().nullable(),
});

/** The numbers of one commitment (a ladder, or the flat optimal / conservative alternatives). */
export const ZCommitmentOption = z.object({
  level: z.number().describe('on-demand usage covered per hour at the start, measure units'),
  amount: ZDecimal.describe('what is bought now, in amountUnit'),
  commitmentPerHour: ZDecimal,
  commitmentPerMonth: ZDecimal,
  upfront: ZDecimal,
  recurringMonthly: ZDecimal,
  expectedMonthlySavings: ZDecimal,
  monthlySavings: ZSavingsRange,
  termSavings: ZDecimal,
  breakEvenMonths: z.number().nullable(),
  utilisationToBreakEven: z.number().describe('1 − discount'),
  projectedUtilisation: z.number(),
  projectedCoverage: z.number(),
  savingsIfUsageFalls: z.object({ by20: ZDecimal, by40: ZDecimal }),
});

/** Commitment fields of a recommendation of kind `commitment` (null for the other kinds). */
export const ZRecommendationCommitment = z.object({
  instrument: z.string(),
  scope: z.string().describe('what the commitment covers, in English, e.g. "m6i.xlarge in eu-west-3"'),
  scopeMessage: ZScopeMessage,
  termMonths: z.number(),
  payment: z.enum(PAYMENT_OPTIONS),
  measure: z.enum(['spend', 'count']),
  amountUnit: z.enum(['per-hour', 'count', 'per-month']),
  amount: ZDecimal.describe('bought now, in amountUnit'),
  upfront: ZDecimal,
  recurringMonthly: ZDecimal,
  monthlySavings: ZSavingsRange,
  termSavings: ZDecimal,
  breakEvenMonths: z.number().nullable(),
  utilisationToBreakEven: z.number(),
  projectedCoverage: z.number(),
  projectedUtilisation: z.number(),
  savingsIfUsageFalls: z.object({ by20: ZDecimal, by40: ZDecimal }),
  tranches: z.array(ZTrancheView),
});

export const ZRealisedSavings = z.object({
  currency: z.string(),
  /** Average daily cost of the resource over the 30 days before / since implementation (from cost_daily/cost_record). */
  beforeDaily: ZDecimal,
  afterDaily: ZDecimal,
  /** (before − after) × 30.4: positive is a saving. */
  monthly: ZDecimal,
  beforeFrom: z.string(),
  afterTo: z.string(),
  days: z.number().describe('days of bill since implementation the figure rests on'),
});

export const ZRecommendation = z.object({
  id: z.string(),
  fingerprint: z.string(),
  kind: z.enum(RECOMMENDATION_KINDS),
  ruleId: z.string(),
  ruleVersion: z.number(),
  provider: z.string(),
  resource: z.object({
    provider: z.string(),
    type: z.string(),
    id: z.string(),
    name: z.string(),
    region: z.string().nullable(),
    account: z.string().nullable(),
  }),
  action: z.object({ type: z.string(), params: z.record(z.string(), z.unknown()) }),
  /** English text (logs, CLI); the page renders `message`. */
  text: z.string(),
  message: ZMessage,
  evidence: z.array(ZEvidence),
  /** In `currency` (the display currency); null when the action saves nothing (a scale-up, a warning). */
  monthlySavings: ZSavingsRange.nullable(),
  currency: z.string().nullable(),
  risks: z.array(ZRisk),
  lookback: ZLookback,
  commitment: ZRecommendationCommitment.nullable(),
  /** Kind-specific numbers for the detail view (commitment: `plan` with the usage band; runway: projections). */
  details: z.record(z.string(), z.unknown()),
  status: z.enum(RECOMMENDATION_STATUSES),
  statusReason: z.string().nullable(),
  snoozedUntil: z.string().nullable().describe('ISO instant'),
  statusChangedAt: z.string().nullable(),
  statusChangedBy: z.string().nullable(),
  /** False when the last refresh no longer produced it (the condition went away); kept for its history. */
  current: z.boolean(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  implementedAt: z.string().nullable(),
  realised: ZRealisedSavings.nullable(),
});
export type TRecommendationView = z.infer<typeof ZRecommendation>;

export const RULE_OUTCOMES = ['ok', 'lacked-data', 'failed'] as const;
export const ZRuleRun = z.object({
  ruleId: z.string(),
  version: z.number(),
  kind: z.enum(RECOMMENDATION_KINDS),
  /** ok: ran on all its resources; lacked-data: some resource (or the whole collection) missed facts; failed: threw. */
  outcome: z.enum(RULE_OUTCOMES),
  /** The facts it lacked, e.g. "commitmentPools", "redis:cache-sessions:usedMemoryBytes". */
  missing: z.array(z.string()),
  /** Message keys of what to connect (recommendations.messages.needs*). */
  needs: z.array(z.string()),
  error: z.string().nullable(),
  recommendations: z.number(),
  resources: z.number(),
  durationMs: z.number(),
});
export type TRuleRunView = z.infer<typeof ZRuleRun>;

export const ZRecommendationRun = z.object({
  id: z.string(),
  trigger: z.string().describe('api | cli | job | demo | test'),
  actor: z.string().nullable(),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  created: z.number(),
  updated: z.number(),
  reopened: z.number(),
  /** Recommendations the run no longer produced (marked current=false). */
  retired: z.number(),
  currency: z.string(),
  error: z.string().nullable(),
  rules: z.array(ZRuleRun),
});
export type TRecommendationRunView = z.infer<typeof ZRecommendationRun>;

const ZTotal = z.object({ count: z.number(), monthlySavings: ZSavingsRange });
export const ZRecommendationSummary = z.object({
  currency: z.string(),
  /** Over open and accepted recommendations that are current (what is still to gain). */
  total: ZTotal,
  byKind: z.array(ZTotal.extend({ kind: z.enum(RECOMMENDATION_KINDS) })),
  byProvider: z.array(ZTotal.extend({ provider: z.string() })),
  byStatus: z.array(z.object({ status: z.enum(RECOMMENDATION_STATUSES), count: z.number() })),
});

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return undefined;
      const parts = s.split(',').map((p) => p.trim());
      for (const p of parts)
        if (!(values as readonly string[]).includes(p)) {
          ctx.addIssue({ code: 'custom', message: `unknown value "${p}": one of ${values.join(', ')}` });
          return z.NEVER;
        }
      return parts as T[number][];
    })
    .describe(`comma-separated: ${values.join(', ')}`);

export const ZRecommendationsQuery = z.object({
  status: csv(RECOMMENDATION_STATUSES),
  kind: csv(RECOMMENDATION_KINDS),
  provider: z.string().trim().min(1).max(64).optional(),
  /** Include recommendations the last refresh no longer produced (default false). */
  includeRetired: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
export type TRecommendationsQuery = z.output<typeof ZRecommendationsQuery>;

export const ZRecommendationList = z.object({
  items: z.array(ZRecommendation),
  summary: ZRecommendationSummary,
  lastRun: ZRecommendationRun.nullable(),
});
export type TRecommendationList = z.infer<typeof ZRecommendationList>;

export const ZUpdateRecommendation = z
  .object({
    status: z.enum(RECOMMENDATION_STATUSES),
    reason: z.string().trim().min(1).max(500).optional().describe('required when dismissing'),
    snoozedUntil: z.string().datetime({ offset: true }).or(ZDay).optional().describe('required when snoozing: an ISO instant or a day, in the future'),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'dismissed' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a dismissal needs a reason' });
    if (v.status === 'snoozed' && !v.snoozedUntil) ctx.addIssue({ code: 'custom', path: ['snoozedUntil'], message: 'a snooze needs a date' });
    if (v.status !== 'snoozed' && v.snoozedUntil) ctx.addIssue({ code: 'custom', path: ['snoozedUntil'], message: 'only a snooze takes a date' });
  });
export type TUpdateRecommendation = z.output<typeof ZUpdateRecommendation>;

// ── commitment planner ──

export const ZCommitmentPlanQuery = z.object({
  instrument: z.enum(COMMITMENT_INSTRUMENTS).default('aws-compute-savings-plan'),
  term: z.enum(['1y', '3y']).default('1y').describe('1y or 3y'),
  payment: z.enum(PAYMENT_OPTIONS).default('no-upfront'),
  lookbackDays: z.coerce
    .number()
    .int()
    .refine((n) => (LOOKBACK_DAYS as readonly number[]).includes(n), 'one of 7, 30, 60, 90')
    .default(30),
  scenarioId: z.string().uuid().optional().describe('default: the plan of record'),
  asOf: ZDay.optional().describe('plan as of this day (UTC midnight): only data before it is read'),
});
export type TCommitmentPlanQuery = z.output<typeof ZCommitmentPlanQuery>;

export const ZInstrumentOption = z.object({
  instrument: z.enum(COMMITMENT_INSTRUMENTS),
  provider: z.string(),
  measure: z.enum(['spend', 'count']),
  amountUnit: z.enum(['per-hour', 'count', 'per-month']),
  scope: z.string(),
  scopeMessage: ZScopeMessage,
  /** Whether this deployment has eligible usage for it (a pool with baseline data). */
  hasUsage: z.boolean(),
  terms: z.array(
    z.object({
      term: z.enum(['1y', '3y']),
      payment: z.enum(PAYMENT_OPTIONS),
      discount: z.number(),
      upfrontShare: z.number(),
      estimate: z.boolean(),
      source: z.string(),
      sourceMessage: ZSourceMessage,
      effectiveDate: z.string(),
      priceItemId: z.string(),
    }),
  ),
});

export const ZUsageBandMonth = z.object({
  month: z.string().describe('YYYY-MM'),
  /** Projected eligible on-demand usage per hour, measure units (P10/P50/P90 of the month's hours). */
  p10: z.number(),
  p50: z.number(),
  p90: z.number(),
  /** The ladder's committed level that month, and the conservative and AWS levels for comparison. */
  committed: z.number(),
});

export const ZCommitmentPlan = z.object({
  measure: z.enum(['spend', 'count']),
  amountUnit: z.enum(['per-hour', 'count', 'per-month']),
  /** Unit of levels and the usage band: "EUR/h on demand" or "instances". */
  levelUnit: z.string(),
  discount: z.number(),
  discountEstimate: z.boolean(),
  discountSource: z.string(),
  discountSourceMessage: ZSourceMessage,
  baseline: z.object({ meanPerHour: z.number(), p10PerHour: z.number(), p50PerHour: z.number(), p90PerHour: z.number(), hours: z.number() }),
  /** The recommended ladder, top-level. */
  monthlySavings: ZSavingsRange,
  expectedMonthlySavings: ZDecimal,
  termSavings: ZDecimal,
  upfront: ZDecimal,
  recurringMonthly: ZDecimal,
  breakEvenMonths: z.number().nullable(),
  utilisationToBreakEven: z.number(),
  projectedCoverage: z.number(),
  projectedUtilisation: z.number(),
  savingsIfUsageFalls: z.object({ by20: ZDecimal, by40: ZDecimal }),
  tranches: z.array(ZTrancheView),
  /** The level after every tranche is bought. */
  topLevel: z.number(),
  optimal: ZCommitmentOption.describe('one purchase now at the d-quantile of projected usage'),
  conservative: ZCommitmentOption.describe('the level used in 90% of projected hours'),
  conservativeLevel: z.number(),
  /** AWS's own recommendation from the stored insight, in the measure's units (null when none is stored). */
  providerLevel: z.number().nullable(),
  providerLookbackDays: z.number().nullable(),
  /** recommendations.messages.<key>: commitmentProviderSame | commitmentProviderLower | commitmentProviderLowerProjected | commitmentProviderHigher | commitmentProviderNone. */
  differenceReason: z.string(),
  usageBand: z.array(ZUsageBandMonth),
  /** Calibration ratio (actual ÷ model) applied to the plan's projection; 1 when none could be measured. */
  calibrationRatio: z.number(),
});

export const ZCommitmentPlanResult = z.object({
  instrument: z.enum(COMMITMENT_INSTRUMENTS),
  provider: z.string(),
  scope: z.string(),
  scopeMessage: ZScopeMessage,
  term: z.enum(['1y', '3y']),
  termMonths: z.number(),
  payment: z.enum(PAYMENT_OPTIONS),
  asOf: z.string().describe('ISO instant the plan is made at'),
  currency: z.string(),
  scenario: z.object({ id: z.string(), name: z.string(), version: z.number() }).nullable(),
  lookbackDays: z.number(),
  lookback: ZLookback,
  completeness: z.number(),
  baselineHourlyShare: z.number().describe("share of the lookback's on-demand cost whose hour-by-hour shape comes from hourly instance counts (Kubernetes node groups); the rest is the daily bill spread evenly over its hours, 0..1"),
  /** What the planner lacked ("baseline", "projection", "terms", "unitPrice", "planOfRecord"); plan is null when it lacked any but planOfRecord. */
  missing: z.array(z.string()),
  plan: ZCommitmentPlan.nullable(),
  /** Every instrument with its terms, for the planner's selectors. */
  instruments: z.array(ZInstrumentOption),
});
export type TCommitmentPlanResult = z.infer<typeof ZCommitmentPlanResult>;
