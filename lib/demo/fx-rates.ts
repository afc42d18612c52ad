// USD→EUR daily rates for the demo window: a gentle mean-reverting walk around 0.92.
import type { TFxRate } from '../money/fx';
import { decimalFromNumber } from '../money/decimal';
import type { TDemoModel } from './model';
import { createRng } from './prng';

export function demoFxRates(model: TDemoModel): TFxRate[] {
  const rng = createRng(model.seed, 'fx.usd-eur');
  let rate = 0.92 + 0.01 * rng.normal();
  return model.days.map((day) => {
    rate += 0.08 * (0.92 - rate) + 0.0025 * rng.normal();
    rate = Math.min(0.97, Math.max(0.87, rate));
    return { date: day.date.toISOString().slice(0, 10), base: 'USD', quote: 'EUR', rate: decimalFromNumber(rate, 6) };
  });
}
