// Adopts a calibration into a scenario: a fitted coefficient becomes an override (its P10–P90 around
// the fitted value), or the scenario switches to the prices actually paid. The fit is recomputed
// here, never taken from the caller.
import { prisma } from '../db';
import { AppError } from '../errors';
import { COEFFICIENTS } from '../planning/coefficients';
import { getCalibration, type TCalibratedCoefficient } from '../queries/get-calibration';
import { checkScenarioId, type TScenarioActor } from './scenario-row';
import type { TScenario } from './scenario-schema';
import { updateScenarioTx } from './update-scenario';

export type TAdoptCalibration = { coefficient: TCalibratedCoefficient } | { paidPrices: true };

const sig = (x: number) => Number(x.toPrecision(4));

export async function adoptCalibration(scenarioId: string, what: TAdoptCalibration, actor: TScenarioActor, now: Date): Promise<TScenario> {
  checkScenarioId(scenarioId);
  const calibration = await getCalibration({ now, scenarioId });
  if ('paidPrices' in what) {
    if (calibration.prices.length === 0) throw new AppError('UNPROCESSABLE', 'no price actually paid is known yet (no invoice or cost record matches a catalogue item)');
    return prisma.$transaction((tx) =>
      updateScenarioTx(tx, scenarioId, { options: { usePaidPrices: true } }, actor, {
        action: 'scenario.calibration.adopt',
        details: { paidPrices: calibration.prices.map((p) => ({ id: p.priceItemId, list: p.listUnitPrice, paid: p.paid.unitPrice, basis: p.paid.basis })) },
        note: `adopted the prices paid (${calibration.prices.map((p) => p.priceItemId).join(', ')})`,
      }),
    );
  }
  const item = calibration.coefficients.find((c) => c.coefficient === what.coefficient);
  if (!item?.fitted) throw new AppError('UNPROCESSABLE', `${what.coefficient} cannot be fitted: ${item?.missing ?? 'unknown coefficient'}`);
  const f = item.fitted;
  const likely = sig(f.value);
  const range = { low: Math.min(sig(f.low), likely), likely, high: Math.max(sig(f.high), likely) };
  return prisma.$transaction(async (tx) => {
    const row = await tx.scenario.findUnique({ where: { id: scenarioId }, select: { coefficients: true } });
    const coefficients = { ...((row?.coefficients ?? {}) as object), [what.coefficient]: range };
    return updateScenarioTx(tx, scenarioId, { coefficients }, actor, {
      action: 'scenario.calibration.adopt',
      details: { coefficient: what.coefficient, range, basis: f.basis, n: f.n },
      // the note is read on the versions panel: the coefficient's name, not its code
      note: `adopted calibrated ${COEFFICIENTS[what.coefficient].label.toLowerCase()} = ${likely} (${range.low}–${range.high}) from ${f.n} samples`,
    });
  });
}
