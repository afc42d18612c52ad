// Turns a stored scenario and its context (prices, prices paid, FX, the from-scenario) into the
// model's input. Pure, so the server's evaluation and the browser's live one are the same function.
import type { TDrivers } from '@/lib/planning/drivers';
import type { TEvaluateInput } from '@/lib/planning/evaluate';
import { withPaidPrices, type TPriceCatalogue } from '@/lib/planning/price-catalogue';
import { AppError } from '@/lib/errors';
import type { TScenarioSnapshot } from './scenario-schema';

export type TPaidPriceItem = {
  /** The catalogue item this price replaces. */
  id: string;
  unitPrice: string;
  currency: string;
  effectiveDate: string;
  source: string;
  n: number;
};

export type TEvaluationContext = {
  prices: TPriceCatalogue;
  paidPrices: TPaidPriceItem[];
  /** Rate from each price currency to `currency`. */
  fx: Record<string, number>;
  currency: string;
  /** Drivers of the timeline's from-scenario (null: the drivers stay as they are over the months). */
  fromDrivers: TDrivers | null;
  /** Evaluation time: the plan starts on the first day of the next month unless the timeline says when. */
  now: Date;
};

const DRIVER_TOP_KEYS = new Set([
  'cols', 'predefinedRoutes', 'registeredUsers', 'monthlyActiveShare', 'requestsPerDay', 'peakRequestsPerSecond',
  'weatherCountries', 'topographicDataTB', 'cdnBandwidthTBPerMonth', 'regions', 'serviceLevels',
]);
const SERVICE_KEYS = new Set(['replicas', 'rpoHours', 'rtoHours', 'backupRetentionDays']);

/**
 * The stored drivers with some replaced (for one evaluation only). Unknown names are refused rather
 * than ignored, so a misspelt driver does not silently leave the result unchanged.
 */
export function mergeDriverOverrides(stored: TDrivers, overrides: unknown): unknown {
  if (overrides === undefined || overrides === null) return stored;
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new AppError('BAD_REQUEST', 'drivers must be an object of driver values', [{ field: 'drivers', message: 'must be an object' }]);
  }
  const o = overrides as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!DRIVER_TOP_KEYS.has(k)) throw new AppError('BAD_REQUEST', `drivers.${k} is not a driver`, [{ field: `drivers.${k}`, message: 'is not a driver' }]);
  }
  let serviceLevels: unknown = stored.serviceLevels;
  if ('serviceLevels' in o) {
    const s = o.serviceLevels;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      serviceLevels = s; // the schema names the problem
    } else {
      for (const k of Object.keys(s)) {
        if (!SERVICE_KEYS.has(k)) {
          throw new AppError('BAD_REQUEST', `drivers.serviceLevels.${k} is not a driver`, [{ field: `drivers.serviceLevels.${k}`, message: 'is not a driver' }]);
        }
      }
      serviceLevels = { ...stored.serviceLevels, ...(s as object) };
    }
  }
  return { ...stored, ...o, serviceLevels };
}

export function planStart(timelineStart: string | null, now: Date): Date {
  if (timelineStart) return new Date(`${timelineStart}T00:00:00Z`);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

export function effectivePrices(prices: TPriceCatalogue, paid: TPaidPriceItem[], usePaidPrices: boolean): TPriceCatalogue {
  return usePaidPrices && paid.length ? withPaidPrices(prices, paid) : prices;
}

/**
 * The input for evaluateScenario. Driver overrides are merged but not validated here: the server
 * parses the result with parseEvaluateInput (a 400 naming the driver), the browser with parseDrivers.
 */
export function buildEvaluateInput(args: {
  scenario: Pick<TScenarioSnapshot, 'drivers' | 'coefficients' | 'options' | 'timeline'>;
  context: TEvaluationContext;
  samples: number;
  seed: number;
  driverOverrides?: unknown;
}): TEvaluateInput {
  const { scenario, context } = args;
  const { usePaidPrices, ...options } = scenario.options;
  const drivers = mergeDriverOverrides(scenario.drivers, args.driverOverrides) as TDrivers;
  const tl = scenario.timeline;
  return {
    drivers,
    coefficients: scenario.coefficients,
    options,
    prices: effectivePrices(context.prices, context.paidPrices, usePaidPrices),
    fx: context.fx,
    currency: context.currency,
    samples: args.samples,
    seed: args.seed,
    start: planStart(tl.start, context.now),
    timeline: {
      // without a from-scenario the months only show the target (drivers constant over time)
      from: context.fromDrivers ?? drivers,
      curve: tl.curve,
      months: tl.months,
      ...(tl.phases ? { phases: tl.phases } : {}),
    },
  };
}
