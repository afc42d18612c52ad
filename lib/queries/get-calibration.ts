// Coefficients and prices fitted from the stored utilisation and cost data, each beside the model's
// default and the scenario's current value, with the data behind it.
import { pool, prisma } from '../db';
import { AppError } from '../errors';
import { fitBytesPerUser, fitRpsPerPod, type TCalibration } from '../planning/calibration';
import { COEFFICIENTS, resolveCoefficients, type TCoefficientId, type TCoefficientRange } from '../planning/coefficients';
import { toRange } from '../planning/drivers';
import type { TScenario } from '../scenarios/scenario-schema';
import { getPaidPrices, type TPaidPrice } from './get-paid-prices';
import { findScenario } from './get-scenario';
import { listPriceCatalogue } from './list-prices';

export const CALIBRATED_COEFFICIENTS = ['rpsPerPod', 'bytesPerUser'] as const;
export type TCalibratedCoefficient = (typeof CALIBRATED_COEFFICIENTS)[number];

export type TCalibrationItem = {
  coefficient: TCalibratedCoefficient;
  label: string;
  unit: string;
  default: TCoefficientRange;
  current: TCoefficientRange;
  fitted: TCalibration | null;
  /** Why there is no fit (no data yet, no such resource). */
  missing: string | null;
};

export type TPaidPriceCalibration = { priceItemId: string; name: string; listUnitPrice: string; currency: string; unit: string; paid: TPaidPrice };

export type TCalibrationResult = {
  scenario: { id: string; name: string; usePaidPrices: boolean } | null;
  window: { from: string; to: string };
  coefficients: TCalibrationItem[];
  prices: TPaidPriceCalibration[];
};

const DAY = 86_400_000;
const likely = (r: TCoefficientRange) => r.likely;

async function rpsSamples(from: Date, to: Date) {
  const { rows } = await pool().query<{ rps: number; cpu: number; target: string | null }>(
    `SELECT a.value AS rps, c.value AS cpu, r.attributes #>> '{hpa,targetCPUUtilizationPercentage}' AS target
       FROM resource r
       JOIN utilization_sample a ON a.resource_id = r.id AND a.metric = 'http_requests_per_second'
       JOIN utilization_sample c ON c.resource_id = r.id AND c.metric = 'cpu_cores' AND c.ts = a.ts
      WHERE r.kind = 'app' AND a.ts >= $1 AND a.ts < $2
      ORDER BY a.ts`,
    [from, to],
  );
  return rows;
}

async function atlasDiskSamples(from: Date, to: Date) {
  const { rows } = await pool().query<{ bytes: number }>(
    `SELECT s.value AS bytes
       FROM resource r JOIN utilization_sample s ON s.resource_id = r.id AND s.metric = 'disk_used_bytes'
      WHERE r.kind = 'database' AND r.provider = 'atlas' AND s.ts >= $1 AND s.ts < $2
      ORDER BY s.ts`,
    [from, to],
  );
  return rows.map((r) => Number(r.bytes));
}

function fitOrMissing(fit: () => TCalibration): { fitted: TCalibration | null; missing: string | null } {
  try {
    return { fitted: fit(), missing: null };
  } catch (e) {
    if (e instanceof AppError) return { fitted: null, missing: e.message };
    throw e;
  }
}

async function defaultScenario(): Promise<TScenario | null> {
  const row = await prisma.scenario.findUnique({ where: { presetId: 'grand-est-today' }, select: { id: true } });
  return row ? findScenario(row.id, { includeArchived: true }) : null;
}

/**
 * `scenarioId` gives the users, cols, routes and weather figures that the Atlas data size is divided
 * by, and the pod CPU request that req/s per pod is expressed in (default: "Grand Est (today)").
 * Utilisation is read over the last `days` days before `now`; the Atlas data size over the last 7.
 */
export async function getCalibration(options: { now: Date; scenarioId?: string; days?: number }): Promise<TCalibrationResult> {
  const scenario = options.scenarioId ? await findScenario(options.scenarioId) : await defaultScenario();
  if (options.scenarioId && !scenario) throw new AppError('NOT_FOUND', `no scenario ${options.scenarioId}`);
  const to = new Date(Math.floor(options.now.getTime() / 3_600_000) * 3_600_000);
  const from = new Date(to.getTime() - (options.days ?? 30) * DAY);
  const coefs = resolveCoefficients(scenario?.coefficients);

  const [rps, disk, catalogue, paid] = await Promise.all([
    rpsSamples(from, to),
    atlasDiskSamples(new Date(to.getTime() - 7 * DAY), to),
    listPriceCatalogue(),
    getPaidPrices({ now: options.now }),
  ]);

  const target = rps.find((r) => r.target !== null)?.target;
  const rpsFit = fitOrMissing(() =>
    fitRpsPerPod({
      samples: rps.map((r) => ({ requestsPerSecond: Number(r.rps), cpuCores: Number(r.cpu) })),
      podCpu: likely(coefs.podCpu),
      targetUtilisation: target ? Number(target) / 100 : undefined,
    }),
  );

  let bytesFit: { fitted: TCalibration | null; missing: string | null };
  if (!scenario) {
    bytesFit = { fitted: null, missing: 'no scenario gives the number of users to divide the data size by' };
  } else {
    const d = scenario.drivers;
    const users = toRange(d.registeredUsers).likely;
    const index = likely(coefs.indexOverhead);
    const otherBytes =
      toRange(d.cols).likely * likely(coefs.bytesPerCol) +
      toRange(d.predefinedRoutes).likely * likely(coefs.bytesPerRoute) +
      toRange(d.weatherCountries).likely * likely(coefs.weatherGBPerCountry) * 1e9;
    bytesFit = fitOrMissing(() => {
      // disk used holds indexes too: the model's data size excludes them
      const fit = fitBytesPerUser({ samples: disk.map((b) => ({ dataSizeBytes: b / (1 + index), users })), otherBytes });
      return {
        ...fit,
        basis: `${fit.basis}; Atlas disk used ÷ ${1 + index} (index overhead) over the last 7 days, users, cols, routes and weather countries from "${scenario.name}"`,
      };
    });
  }

  const item = (id: TCalibratedCoefficient, fit: { fitted: TCalibration | null; missing: string | null }): TCalibrationItem => ({
    coefficient: id,
    label: COEFFICIENTS[id].label,
    unit: COEFFICIENTS[id].unit,
    default: { low: COEFFICIENTS[id].low, likely: COEFFICIENTS[id].likely, high: COEFFICIENTS[id].high },
    current: coefs[id as TCoefficientId],
    ...fit,
  });

  const byId = new Map(catalogue.map((p) => [p.id, p]));
  const prices = paid
    .filter((p) => byId.has(p.id))
    .map((p) => {
      const list = byId.get(p.id)!;
      return { priceItemId: p.id, name: list.name, listUnitPrice: list.unitPrice, currency: list.currency, unit: list.unit, paid: p };
    });

  return {
    scenario: scenario ? { id: scenario.id, name: scenario.name, usePaidPrices: scenario.options.usePaidPrices } : null,
    window: { from: from.toISOString(), to: to.toISOString() },
    coefficients: [item('rpsPerPod', rpsFit), item('bytesPerUser', bytesFit)],
    prices,
  };
}
