// Point values (one number per driver and coefficient) and the list of uncertain inputs.
import { COEFFICIENTS, COEFFICIENT_IDS, type TCoefficientId, type TCoefficientPoint, type TCoefficients } from './coefficients';
import { NUMERIC_DRIVERS, getDriverValue, toRange, type TDriverKey, type TDriverPoint, type TDrivers, type TRange } from './drivers';

export const DRIVER_KEYS: TDriverKey[] = NUMERIC_DRIVERS.map((d) => d.key);

export function newDriverPoint(): TDriverPoint {
  const p = { regionCount: 0 } as TDriverPoint;
  for (const k of DRIVER_KEYS) p[k] = 0;
  return p;
}

export function driverRanges(d: TDrivers): TRange[] {
  return NUMERIC_DRIVERS.map((nd) => toRange(getDriverValue(d, nd.id)));
}

export function likelyDriverPoint(d: TDrivers): TDriverPoint {
  const p = newDriverPoint();
  NUMERIC_DRIVERS.forEach((nd, i) => (p[nd.key] = driverRanges(d)[i].likely));
  p.regionCount = d.regions.length;
  return p;
}

export function likelyCoefficientPoint(c: TCoefficients): TCoefficientPoint {
  const p = {} as TCoefficientPoint;
  for (const id of COEFFICIENT_IDS) p[id] = roundIf(id, c[id].likely);
  return p;
}

export function roundIf(id: TCoefficientId, v: number): number {
  return COEFFICIENTS[id].integer ? Math.round(v) : v;
}

export type TUncertainInput = {
  kind: 'driver' | 'coefficient';
  /** 'drivers.peakRequestsPerSecond' or 'coefficients.rpsPerPod'. */
  input: string;
  label: string;
  unit: string;
  range: TRange;
};

/** Every driver and coefficient whose low and high differ, in a fixed order (drivers first). */
export function uncertainInputs(d: TDrivers, c: TCoefficients): TUncertainInput[] {
  const out: TUncertainInput[] = [];
  NUMERIC_DRIVERS.forEach((nd) => {
    const r = toRange(getDriverValue(d, nd.id));
    if (r.high > r.low) out.push({ kind: 'driver', input: `drivers.${nd.id}`, label: nd.label, unit: nd.unit, range: r });
  });
  for (const id of COEFFICIENT_IDS) {
    const r = c[id];
    if (r.high > r.low) out.push({ kind: 'coefficient', input: `coefficients.${id}`, label: COEFFICIENTS[id].label, unit: COEFFICIENTS[id].unit, range: r });
  }
  return out;
}
