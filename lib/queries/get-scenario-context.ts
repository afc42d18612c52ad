// Everything besides the scenario itself that an evaluation needs: the stored catalogue, the prices
// paid, FX rates and the drivers of the timeline's from-scenario.
import { prisma } from '../db';
import type { TDrivers } from '../planning/drivers';
import type { TEvaluationContext } from '../scenarios/build-evaluate-input';
import type { TScenario } from '../scenarios/scenario-schema';
import { getPaidPrices, type TPaidPrice } from './get-paid-prices';
import { getPlanningFx } from './get-scenario-fx';
import { listPriceCatalogue } from './list-prices';
import { AppError } from '../errors';

export type TScenarioContext = TEvaluationContext & {
  paidPrices: TPaidPrice[];
  fxAsOf: Record<string, string>;
  from: { id: string; name: string } | null;
  /** EUR → output currency, for the seed plan's EUR table (1 when the output is EUR). */
  eurRate: number;
};

export async function getScenarioContext(
  scenario: Pick<TScenario, 'timeline' | 'options'>,
  options: { now: Date; currency: string; withPaidPrices?: boolean },
): Promise<TScenarioContext> {
  const prices = await listPriceCatalogue();
  if (prices.length === 0) throw new AppError('UNPROCESSABLE', 'the price catalogue is empty: the planning seed has not run (it runs at start)');
  const wantPaid = options.withPaidPrices ?? scenario.options.usePaidPrices;
  const fromId = scenario.timeline.fromScenarioId;
  const [paidPrices, fx, fromRow] = await Promise.all([
    wantPaid ? getPaidPrices({ now: options.now, catalogueIds: new Set(prices.map((p) => p.id)) }) : Promise.resolve([]),
    getPlanningFx([...prices.map((p) => p.currency), 'EUR'], options.currency),
    fromId ? prisma.scenario.findUnique({ where: { id: fromId }, select: { id: true, name: true, drivers: true } }) : Promise.resolve(null),
  ]);
  return {
    prices,
    paidPrices,
    fx: fx.rates,
    fxAsOf: fx.asOf,
    currency: options.currency,
    fromDrivers: fromRow ? (fromRow.drivers as unknown as TDrivers) : null,
    from: fromRow ? { id: fromRow.id, name: fromRow.name } : null,
    now: options.now,
    eurRate: options.currency === 'EUR' ? 1 : fx.rates.EUR,
  };
}
