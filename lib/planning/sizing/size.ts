// One call per resource class: (drivers, coefficients, prices, options) → priced lines with reasoning, at likely values.
import { resolveCoefficients, type TCoefficientOverrides } from '../coefficients';
import type { TDrivers } from '../drivers';
import { moneyFromNumber } from '../../money/decimal';
import { capacityOf, evaluatePoint, explainPoint, newModelState, prepareModel } from '../model';
import { resolveOptions, type TOptionsInput } from '../options';
import { DEFAULT_PRICE_CATALOGUE, type TPriceCatalogue } from '../price-catalogue';
import { likelyCoefficientPoint, likelyDriverPoint } from '../point';
import type { TCapacity, TLine, TResourceClass } from '../types';

export type TSizingInput = {
  drivers: TDrivers;
  coefficients?: TCoefficientOverrides;
  prices?: TPriceCatalogue;
  options?: TOptionsInput;
  fx: Record<string, number>;
  currency?: string;
};

export type TSizing = { total: string; lines: TLine[]; capacity: TCapacity };

/** Every rule at the likely value of each driver and coefficient. */
export function sizeAll(input: TSizingInput): TSizing {
  const ctx = prepareModel({
    prices: input.prices ?? DEFAULT_PRICE_CATALOGUE,
    options: resolveOptions(input.options),
    fx: input.fx,
    currency: input.currency ?? 'EUR',
  });
  const s = newModelState();
  const d = likelyDriverPoint(input.drivers);
  const c = likelyCoefficientPoint(resolveCoefficients(input.coefficients));
  const total = evaluatePoint(d, c, ctx, s);
  return { total: moneyFromNumber(total), lines: explainPoint(d, c, ctx, s), capacity: capacityOf(ctx, s) };
}

const only = (cls: TResourceClass) => (input: TSizingInput) => sizeAll(input).lines.filter((l) => l.resourceClass === cls);

export const sizeApplication = only('application');
export const sizeAtlas = only('atlas');
export const sizeRedis = only('redis');
export const sizeCdn = only('cdn');
export const sizeObjectStorage = only('objectStorage');
/** Monitoring depends on the hosts of the other classes, so every rule runs. */
export const sizeMonitoring = only('monitoring');
