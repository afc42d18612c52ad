// Fits coefficients and prices from observed data, returned with the data behind them so the UI can
// show them beside the defaults and adopt them.
import { AppError } from '@/lib/errors';
import { divideDecimal, sumDecimals, toFixedDecimal } from '../money/decimal';
import { percentiles3 } from './distributions';
import { fmt } from './sizing/common';

export type TCalibration = {
  /** The coefficient this fits (a key of COEFFICIENTS). */
  coefficient: string;
  value: number;
  /** P10–P90 of the per-sample estimates: a range ready to adopt. */
  low: number;
  high: number;
  basis: string;
  n: number;
};

function need(n: number, what: string) {
  if (n === 0) throw new AppError('UNPROCESSABLE', `no usable ${what}`);
}

function spread(values: number[]): [number, number] {
  const a = Float64Array.from(values);
  const [p10, , p90] = percentiles3(a);
  return [p10, p90];
}

/**
 * Requests per second one pod serves at the target CPU utilisation, from samples of the service's
 * request rate and the CPU cores it used at the same time: least squares through the origin
 * gives requests per core-second; × pod CPU request × target utilisation gives req/s per pod.
 */
export function fitRpsPerPod(args: {
  samples: { requestsPerSecond: number; cpuCores: number }[];
  podCpu: number;
  targetUtilisation?: number;
}): TCalibration {
  const target = args.targetUtilisation ?? 0.7;
  if (!(args.podCpu > 0)) throw new AppError('BAD_REQUEST', 'podCpu must be > 0');
  if (!(target > 0 && target <= 1)) throw new AppError('BAD_REQUEST', 'targetUtilisation must be in (0, 1]');
  const ok = args.samples.filter((s) => Number.isFinite(s.requestsPerSecond) && Number.isFinite(s.cpuCores) && s.cpuCores > 0 && s.requestsPerSecond >= 0);
  need(ok.length, 'request-rate and CPU samples (CPU must be > 0)');
  let rc = 0;
  let cc = 0;
  for (const s of ok) {
    rc += s.requestsPerSecond * s.cpuCores;
    cc += s.cpuCores * s.cpuCores;
  }
  const perCore = rc / cc;
  const scale = args.podCpu * target;
  const [lo, hi] = spread(ok.map((s) => (s.requestsPerSecond / s.cpuCores) * scale));
  const rps = ok.map((s) => s.requestsPerSecond);
  return {
    coefficient: 'rpsPerPod',
    value: perCore * scale,
    low: lo,
    high: hi,
    n: ok.length,
    basis:
      `${ok.length} samples of request rate (${fmt(Math.min(...rps))}–${fmt(Math.max(...rps))} req/s) and CPU used: ${fmt(perCore)} req/s per core ` +
      `× ${fmt(args.podCpu)} vCPU per pod × ${fmt(target)} target utilisation`,
  };
}

/**
 * Bytes per registered user from Atlas data size and user counts over time. With two or more
 * distinct user counts, the slope of size on users (the fixed part of the data falls in the
 * intercept); with one, (size − other data) ÷ users.
 */
export function fitBytesPerUser(args: { samples: { dataSizeBytes: number; users: number }[]; otherBytes?: number }): TCalibration {
  const ok = args.samples.filter((s) => Number.isFinite(s.dataSizeBytes) && s.dataSizeBytes >= 0 && Number.isFinite(s.users) && s.users > 0);
  need(ok.length, 'data-size and user-count samples (users must be > 0)');
  const other = args.otherBytes ?? 0;
  const ratios = ok.map((s) => Math.max(0, s.dataSizeBytes - other) / s.users);
  const n = ok.length;
  const mu = ok.reduce((a, s) => a + s.users, 0) / n;
  const md = ok.reduce((a, s) => a + s.dataSizeBytes, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const s of ok) {
    sxy += (s.users - mu) * (s.dataSizeBytes - md);
    sxx += (s.users - mu) ** 2;
  }
  const [lo, hi] = spread(ratios);
  const users = ok.map((s) => s.users);
  if (sxx > 0 && sxy > 0) {
    const slope = sxy / sxx;
    return {
      coefficient: 'bytesPerUser', value: slope, low: Math.min(lo, slope), high: Math.max(hi, slope), n,
      basis: `${n} samples of Atlas data size against users (${fmt(Math.min(...users))}–${fmt(Math.max(...users))}): growth of ${fmt(slope / 1e3)} KB per added user (least squares; ${fmt((md - slope * mu) / 1e9)} GB does not depend on users)`,
    };
  }
  const mean = ratios.reduce((a, b) => a + b, 0) / n;
  return {
    coefficient: 'bytesPerUser', value: mean, low: lo, high: hi, n,
    basis: `${n} sample${n > 1 ? 's' : ''} of Atlas data size${other ? ` minus ${fmt(other / 1e9)} GB of non-user data` : ''} ÷ ${fmt(users[0])} users = ${fmt(mean / 1e3)} KB per user`,
  };
}

export type TInvoiceLine = {
  description: string;
  /** Billed quantity in node-hours (decimal string). */
  quantity: string;
  /** Amount billed (decimal string). */
  amount: string;
  currency: string;
  tier?: string;
};

export type TPaidPrice = { tier: string; unitPrice: string; currency: string; unit: 'node-hour'; basis: string; n: number };

/**
 * The Atlas price actually paid per node-hour for a tier: Σ amount ÷ Σ node-hours of the invoice
 * lines of that tier (matched on `tier`, or on "M30" as a word in the description). Exact decimals.
 */
export function fitAtlasHourlyPrice(args: { lines: TInvoiceLine[]; tier: string }): TPaidPrice {
  const word = new RegExp(`\\b${args.tier}\\b`);
  const lines = args.lines.filter((l) => (l.tier ? l.tier === args.tier : word.test(l.description)) && Number(l.quantity) > 0);
  need(lines.length, `invoice lines for Atlas ${args.tier} with a positive quantity`);
  const currencies = [...new Set(lines.map((l) => l.currency))];
  if (currencies.length > 1) throw new AppError('UNPROCESSABLE', `invoice lines for ${args.tier} mix currencies: ${currencies.join(', ')}`);
  const hours = sumDecimals(lines.map((l) => l.quantity));
  const amount = sumDecimals(lines.map((l) => l.amount));
  const unitPrice = toFixedDecimal(divideDecimal(amount, hours, 6), 6);
  return {
    tier: args.tier,
    unitPrice,
    currency: currencies[0],
    unit: 'node-hour',
    n: lines.length,
    basis: `${lines.length} invoice line${lines.length > 1 ? 's' : ''} for Atlas ${args.tier}: ${amount} ${currencies[0]} for ${hours} node-hours`,
  };
}
