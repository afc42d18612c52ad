// What an alert says, by kind: the contract between the features that raise alerts (budgets,
// anomaly detection) and the channels that deliver them. Amounts are decimal strings with their
// currency; days are ISO calendar days.
import { z } from 'zod';
import { ZDay } from '../dates';

const ZDecimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as 1234.50');
const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code');

export const ZBudgetThresholdPayload = z.object({
  budgetId: z.string().uuid(),
  budgetName: z.string().min(1),
  // the budget period, its end exclusive
  periodStart: ZDay,
  periodEnd: ZDay,
  currency: ZCurrency,
  amount: ZDecimal,
  actual: ZDecimal,
  forecast: ZDecimal.nullable().default(null),
  threshold: z.object({
    on: z.enum(['actual', 'forecast']),
    percent: z.number().positive().optional(),
    amount: ZDecimal.optional(),
  }),
});
export type TBudgetThresholdPayload = z.input<typeof ZBudgetThresholdPayload>;

export const ZAnomalyPayload = z.object({
  anomalyId: z.string().uuid(),
  monitorName: z.string().min(1),
  // the scope in words ("AWS · Amazon EC2"), empty for the total
  scope: z.string().default(''),
  startDay: ZDay,
  endDay: ZDay,
  direction: z.enum(['increase', 'decrease']),
  currency: ZCurrency,
  expected: ZDecimal,
  actual: ZDecimal,
  impact: ZDecimal,
  impactPercent: z.number().nullable().default(null),
  // new: first found; impact_doubled: found again with twice the impact it was first alerted with
  reason: z.enum(['new', 'impact_doubled']).default('new'),
});
export type TAnomalyPayload = z.input<typeof ZAnomalyPayload>;

export const ZTestPayload = z.object({ channelName: z.string(), requestedBy: z.string().nullable().default(null) });

export const PAYLOAD_SCHEMAS = {
  budget_threshold: ZBudgetThresholdPayload,
  anomaly: ZAnomalyPayload,
  test: ZTestPayload,
} as const;

export type TAlert =
  | { kind: 'budget_threshold'; payload: z.infer<typeof ZBudgetThresholdPayload> }
  | { kind: 'anomaly'; payload: z.infer<typeof ZAnomalyPayload> }
  | { kind: 'test'; payload: z.infer<typeof ZTestPayload> };

// A stored payload read back; one that no longer parses is delivered as what it is rather than lost.
export function parseAlert(kind: string, payload: unknown): TAlert {
  const schema = PAYLOAD_SCHEMAS[kind as keyof typeof PAYLOAD_SCHEMAS];
  if (!schema) throw new Error(`unknown notification kind "${kind}"`);
  return { kind, payload: schema.parse(payload) } as TAlert;
}
