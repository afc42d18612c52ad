// Quantities several sizing rules share, computed once per evaluation.
import type { TCoefficientPoint } from '../coefficients';
import type { TDriverPoint } from '../drivers';
import { DAYS_PER_MONTH, fmt, fmtBytes, fmtGB, step, use } from './common';
import type { TReasoningStep } from '../types';

export type TDerived = {
  mau: number;
  concurrentUsers: number;
  requestsPerMonth: number;
  colsGB: number;
  routesGB: number;
  usersGB: number;
  weatherGB: number;
  dataGB: number;
  cdnEgressGB: number;
  cdnRequests: number;
  originGB: number;
  originRequests: number;
  /** Filled by the model after the application, Atlas and Redis rules ran (monitoring reads them). */
  pods: number;
  appHosts: number;
  atlasNodes: number;
  redisNodes: number;
};

export function newDerived(): TDerived {
  return {
    mau: 0, concurrentUsers: 0, requestsPerMonth: 0,
    colsGB: 0, routesGB: 0, usersGB: 0, weatherGB: 0, dataGB: 0,
    cdnEgressGB: 0, cdnRequests: 0, originGB: 0, originRequests: 0,
    pods: 0, appHosts: 0, atlasNodes: 0, redisNodes: 0,
  };
}

export function computeDerived(d: TDriverPoint, c: TCoefficientPoint, x: TDerived): void {
  x.mau = d.registeredUsers * d.monthlyActiveShare;
  x.concurrentUsers = x.mau * c.concurrentShare;
  x.requestsPerMonth = d.requestsPerDay * DAYS_PER_MONTH;
  x.colsGB = (d.cols * c.bytesPerCol) / 1e9;
  x.routesGB = (d.predefinedRoutes * c.bytesPerRoute) / 1e9;
  x.usersGB = (d.registeredUsers * c.bytesPerUser) / 1e9;
  x.weatherGB = d.weatherCountries * c.weatherGBPerCountry;
  x.dataGB = x.colsGB + x.routesGB + x.usersGB + x.weatherGB;
  x.cdnEgressGB = d.cdnBandwidthTBPerMonth * 1000;
  x.cdnRequests = (x.cdnEgressGB * 1e9) / c.bytesPerRequest;
  x.originGB = x.cdnEgressGB * (1 - c.cacheHitRatio);
  x.originRequests = x.cdnRequests * (1 - c.cacheHitRatio);
}

export function explainDataSize(d: TDriverPoint, c: TCoefficientPoint, x: TDerived): TReasoningStep {
  return step(
    `Data: ${fmt(d.cols)} cols × ${fmtBytes(c.bytesPerCol)} = ${fmtGB(x.colsGB)}; ${fmt(d.predefinedRoutes)} routes × ${fmtBytes(c.bytesPerRoute)} = ${fmtGB(x.routesGB)}; ` +
      `${fmt(d.registeredUsers)} users × ${fmtBytes(c.bytesPerUser)} = ${fmtGB(x.usersGB)}; ${fmt(d.weatherCountries)} weather countries × ${fmt(c.weatherGBPerCountry)} GB = ${fmtGB(x.weatherGB)}; ` +
      `total ${fmtGB(x.dataGB)}`,
    use.driver('cols', d), use.coef('bytesPerCol', c),
    use.driver('predefinedRoutes', d), use.coef('bytesPerRoute', c),
    use.driver('registeredUsers', d), use.coef('bytesPerUser', c),
    use.driver('weatherCountries', d), use.coef('weatherGBPerCountry', c),
  );
}

export function explainUsers(d: TDriverPoint, c: TCoefficientPoint, x: TDerived): TReasoningStep {
  return step(
    `${fmt(d.registeredUsers)} registered users × ${fmt(d.monthlyActiveShare)} monthly active = ${fmt(x.mau)} MAU; × ${fmt(c.concurrentShare)} concurrent at peak = ${fmt(x.concurrentUsers)} concurrent users`,
    use.driver('registeredUsers', d), use.driver('monthlyActiveShare', d), use.coef('concurrentShare', c),
  );
}
