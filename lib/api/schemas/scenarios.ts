// Request and response schemas of the scenario, calibration and price endpoints, and their OpenAPI
// operations. Drivers, options, coefficients and timelines are validated by lib/scenarios (so that a
// bad driver's message names it); here they pass through as JSON.
import { z } from 'zod';
import type { TOperation } from '../openapi';
import { INT4_MAX } from '../safe-input';
import { CALIBRATED_COEFFICIENTS } from '../../queries/get-calibration';
import { ZPricePatch } from '../../scenarios/update-price';

const ZJsonObject = z.record(z.string(), z.unknown());

const ZDriversInput = ZJsonObject.describe(
  'Drivers: each a number or { low, likely, high }; regions an array of paris, frankfurt, london, madrid, rome, amsterdam; serviceLevels { replicas, rpoHours, rtoHours, backupRetentionDays }',
);
const ZOptionsInput = ZJsonObject.describe(
  'Options per resource class (application, atlas, redis, cdn, objectStorage, monitoring: provider, pricing on-demand|1y|3y, region…) and usePaidPrices',
);
const ZTimelineInput = ZJsonObject.describe('{ fromScenarioId, curve: step|linear|s-curve, months, start: YYYY-MM-DD|null, phases? }');
const ZCoefficientsInput = ZJsonObject.describe('Coefficient overrides by id: a number or { low, likely, high }');

export const ZCreateScenario = z.object({
  name: z.string(),
  description: z.string().max(5000).optional(),
  drivers: ZDriversInput,
  coefficients: ZCoefficientsInput.optional(),
  options: ZOptionsInput.optional(),
  timeline: ZTimelineInput.optional(),
  note: z.string().max(500).optional(),
});

export const ZUpdateScenario = z
  .object({
    name: z.string().optional(),
    description: z.string().max(5000).optional(),
    drivers: ZDriversInput.optional().describe('Drivers given replace the stored ones of the same name'),
    coefficients: ZCoefficientsInput.optional().describe('Replaces the overrides as a whole'),
    options: ZOptionsInput.optional().describe('Merged per resource class'),
    timeline: ZTimelineInput.optional().describe('Merged with the stored timeline'),
    expectedVersion: z.number().int().min(1).max(INT4_MAX).optional().describe('409 when the scenario was saved since this version'),
    note: z.string().max(500).optional(),
  })
  .refine((v) => ['name', 'description', 'drivers', 'coefficients', 'options', 'timeline'].some((k) => v[k as keyof typeof v] !== undefined), {
    message: 'nothing to change',
  });

export const ZCloneScenario = z.object({
  name: z.string().optional().describe('Default "Copy of <name>"'),
  description: z.string().max(5000).optional(),
  options: ZOptionsInput.optional().describe('Options to change in the copy, merged per resource class'),
});

export const ZEvaluateScenario = z.object({
  samples: z.number().int().min(1).max(50_000).optional().describe('Monte Carlo samples (default 10,000)'),
  seed: z.number().int().min(0).max(0xffffffff).optional().describe('Same seed, same result (default 1)'),
  drivers: z.unknown().optional().describe('Drivers replacing the stored ones for this evaluation only'),
});

export const ZExportQuery = z.object({ format: z.enum(['csv', 'json']).default('json') });

export const ZCompareQuery = z.object({
  ids: z
    .string()
    .min(1, 'must list scenario ids separated by commas')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  samples: z.coerce.number().int().min(1).max(50_000).optional(),
});

export const ZCalibrationQuery = z.object({
  scenarioId: z.uuid().optional().describe('Scenario giving users, cols, routes and pod CPU (default "Grand Est (today)")'),
  days: z.coerce.number().int().min(1).max(365).optional(),
});

export const ZAdoptCalibration = z.union([
  z.object({ coefficient: z.enum(CALIBRATED_COEFFICIENTS) }).strict(),
  z.object({ paidPrices: z.literal(true) }).strict(),
]);

export { ZPricePatch };

const ZPercentiles = z.object({ p10: z.string(), p50: z.string(), p90: z.string() });

export const ZEvaluationResponse = z
  .object({
    currency: z.string(),
    samples: z.number(),
    seed: z.number(),
    steadyState: z.object({ total: ZPercentiles, lines: z.array(z.record(z.string(), z.unknown())), classes: z.array(z.record(z.string(), z.unknown())), capacity: ZJsonObject }),
    months: z.array(z.record(z.string(), z.unknown())),
    tornado: z.array(z.record(z.string(), z.unknown())),
    deterministic: ZJsonObject,
    seedReference: ZJsonObject.nullable(),
    basis: ZJsonObject,
  })
  .describe('Money as decimal strings in `currency`; percentiles over the Monte Carlo samples');

type TOp = TOperation;

export const SCENARIO_OPERATIONS: TOp[] = [
  { method: 'get', path: '/api/v1/scenarios', summary: 'List scenarios (not archived)', tag: 'scenarios' },
  { method: 'post', path: '/api/v1/scenarios', summary: 'Create a scenario (version 1)', body: ZCreateScenario, tag: 'scenarios' },
  { method: 'get', path: '/api/v1/scenarios/{id}', summary: 'One scenario as saved', tag: 'scenarios' },
  { method: 'patch', path: '/api/v1/scenarios/{id}', summary: 'Change or rename a scenario; writes the next version', body: ZUpdateScenario, tag: 'scenarios' },
  { method: 'delete', path: '/api/v1/scenarios/{id}', summary: 'Delete a scenario (archived: versions and history are kept, the name is freed)', tag: 'scenarios' },
  {
    method: 'put', path: '/api/v1/scenarios/{id}/plan-of-record',
    summary: 'Make this scenario the plan of record (the one forecasts, budgets, commitment ladders and the weekly report follow); the previous one loses the mark',
    tag: 'scenarios',
  },
  { method: 'delete', path: '/api/v1/scenarios/{id}/plan-of-record', summary: 'Clear the plan-of-record mark: features that follow a plan then have none', tag: 'scenarios' },
  { method: 'post', path: '/api/v1/scenarios/{id}/clone', summary: 'Copy a scenario, optionally with options changed', body: ZCloneScenario, tag: 'scenarios' },
  { method: 'get', path: '/api/v1/scenarios/{id}/versions', summary: 'Saved versions, newest first', tag: 'scenarios' },
  { method: 'post', path: '/api/v1/scenarios/{id}/versions/{version}/restore', summary: 'Restore a version (it becomes the next version)', tag: 'scenarios' },
  {
    method: 'post', path: '/api/v1/scenarios/{id}/evaluate',
    summary: 'Evaluate: monthly cost P10/P50/P90 per line and in total, months of the timeline, capacity, tornado; drivers in the body apply to this evaluation only',
    body: ZEvaluateScenario, response: ZEvaluationResponse, tag: 'scenarios',
  },
  { method: 'get', path: '/api/v1/scenarios/{id}/export', summary: 'Export the scenario and its evaluation as CSV or JSON', query: ZExportQuery, tag: 'scenarios' },
  { method: 'get', path: '/api/v1/scenarios/compare', summary: 'Two to six scenarios side by side, line by line, with differences from the first', query: ZCompareQuery, tag: 'scenarios' },
  { method: 'get', path: '/api/v1/calibration', summary: 'Coefficients and prices fitted from utilisation and cost data, beside the defaults', query: ZCalibrationQuery, tag: 'scenarios' },
  { method: 'post', path: '/api/v1/scenarios/{id}/calibration', summary: 'Adopt a calibration into a scenario (coefficient override or prices paid)', body: ZAdoptCalibration, tag: 'scenarios' },
  { method: 'get', path: '/api/v1/prices', summary: 'The price catalogue, with the price actually paid beside the list price where known', tag: 'prices' },
  { method: 'patch', path: '/api/v1/prices/{id}', summary: 'Change a price (the history is kept)', body: ZPricePatch, tag: 'prices' },
  { method: 'get', path: '/api/v1/prices/{id}/history', summary: 'Every change of a price, newest first', tag: 'prices' },
];
