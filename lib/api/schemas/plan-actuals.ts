// Request and response schemas of plan against actual (GET /api/v1/plan-actuals) and of the cost class
// mapping it reads (GET/PUT /api/v1/cost-class-mapping), and their OpenAPI operations.
import { z } from 'zod';
import type { TOperation } from '../openapi';
import { MAPPED_CLASSES } from '../../planning/cost-class-rules';
import { ZCostClassMappingUpdate } from '../../scenarios/update-cost-class-mapping';

const ZMoney = z.string().describe('decimal string in the answer\'s currency');
const ZClass = z.enum(MAPPED_CLASSES);

export const ZPlanActualsQuery = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').optional().describe('defaults to DISPLAY_CURRENCY'),
});

const ZServiceActual = z.object({
  provider: z.string(),
  service: z.string(),
  category: z.string().nullable().describe('set when category-specific rules split the service'),
  key: z.string().describe('the costs API\'s service key, PROVIDER:SERVICE'),
  resourceClass: ZClass,
  source: z.enum(['override', 'default']),
  lastMonth: ZMoney,
  monthToDate: ZMoney,
});

export const ZPlanActuals = z.object({
  currency: z.string(),
  basis: z.literal('effectiveCost').describe('effective cost: commitments amortised, credits deducted'),
  today: z.string().describe('today in ORG_TIMEZONE, YYYY-MM-DD'),
  lastMonth: z.object({ month: z.string(), from: z.string(), to: z.string().describe('exclusive'), total: ZMoney }),
  monthToDate: z.object({
    month: z.string(),
    from: z.string(),
    lastDay: z.string().nullable().describe('last day with costs, inclusive'),
    days: z.number().int(),
    daysInMonth: z.number().int(),
    total: ZMoney,
    runRate: ZMoney.nullable().describe('total ÷ days × days in month'),
  }),
  classes: z.array(z.object({ resourceClass: ZClass, lastMonth: ZMoney, monthToDate: ZMoney, runRate: ZMoney.nullable() })).describe('every class, then unmapped: they add up to the totals'),
  services: z.array(ZServiceActual),
});

export const ZCostClassMapping = z.object({
  classes: z.array(ZClass),
  currency: z.string(),
  lastMonth: z.string(),
  rules: z.array(z.object({ provider: z.string(), service: z.string(), category: z.string(), resourceClass: ZClass, updatedBy: z.string().nullable(), updatedAt: z.string() })),
  services: z.array(
    ZServiceActual.extend({
      defaultClass: ZClass,
      defaultRule: z.string().nullable().describe('which default rule gave defaultClass; null: none (unmapped)'),
    }),
  ),
});

export const PLAN_ACTUAL_OPERATIONS: TOperation[] = [
  {
    method: 'get',
    path: '/api/v1/plan-actuals',
    summary: 'The bill by planner resource class (last full month, month to date with its days and run rate), and what no rule maps',
    query: ZPlanActualsQuery,
    response: ZPlanActuals,
    tag: 'scenarios',
  },
  {
    method: 'get',
    path: '/api/v1/cost-class-mapping',
    summary: 'Which resource class each billed service counts under: the default rule, the explicit choice, the amounts',
    response: ZCostClassMapping,
    tag: 'scenarios',
  },
  {
    method: 'put',
    path: '/api/v1/cost-class-mapping',
    summary: 'Set the class of the services listed (resourceClass null returns a service to its default rule); others are left as they are',
    body: ZCostClassMappingUpdate,
    response: ZCostClassMapping,
    tag: 'scenarios',
  },
];
