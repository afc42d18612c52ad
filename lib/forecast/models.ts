// The candidate models of a daily usage series with a weekly season: each takes the history (oldest first,
// one value a day) and returns the forecasts for the next `horizon` days.
export const SEASON = 7;

export type TModel = (history: readonly number[], horizon: number) => number[];

// Same weekday last week: the baseline every other candidate has to beat.
export const seasonalNaive: TModel = (y, horizon) => {
  const n = y.length;
  const out: number[] = [];
  for (let i = 0; i < horizon; i++) out.push(y[n - SEASON + (i % SEASON)]);
  return out;
};

// The parameter grids: a few values each, so a fit is a few hundred passes over the series, not an optimiser.
const ALPHAS = [0.05, 0.15, 0.3, 0.5, 0.7];
const BETAS = [0, 0.05, 0.2];
const GAMMAS = [0.05, 0.15, 0.35];
const PHIS = [0.9, 0.98, 1];

type THwParams = { alpha: number; beta: number; gamma: number; phi: number };
type THwState = { level: number; trend: number; season: number[] };

function weekMean(y: readonly number[], week: number): number {
  let t = 0;
  for (let i = 0; i < SEASON; i++) t += y[week * SEASON + i];
  return t / SEASON;
}

/**
 * Additive Holt–Winters with a damped trend, ETS(A,Ad,A) (φ = 1 gives ETS(A,A,A)), in the error-correction
 * form of Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., §8.3. Initial level and
 * season from the first week, initial trend from the first two weeks. Returns the one-step squared error sum
 * from the third week on (the first two weeks set the initial state) and the final state.
 */
function runHoltWinters(y: readonly number[], p: THwParams): { sse: number; state: THwState } {
  const l0 = weekMean(y, 0);
  let trend = (weekMean(y, 1) - l0) / SEASON;
  // The level at the end of the first week, so the recursion starts on day 7 with a consistent state.
  let level = l0 + trend * ((SEASON - 1) / 2);
  const season = Array.from({ length: SEASON }, (_, j) => y[j] - (l0 + trend * (j - (SEASON - 1) / 2)));
  let sse = 0;
  for (let t = SEASON; t < y.length; t++) {
    const k = t % SEASON;
    const predicted = level + p.phi * trend + season[k];
    const error = y[t] - predicted;
    if (t >= 2 * SEASON) sse += error * error;
    const previousLevel = level;
    level = p.alpha * (y[t] - season[k]) + (1 - p.alpha) * (previousLevel + p.phi * trend);
    trend = p.beta * (level - previousLevel) + (1 - p.beta) * p.phi * trend;
    season[k] = p.gamma * (y[t] - level) + (1 - p.gamma) * season[k];
  }
  return { sse, state: { level, trend, season } };
}

function dampedSum(phi: number, h: number): number {
  if (phi === 1) return h;
  let s = 0;
  let f = 1;
  for (let i = 1; i <= h; i++) {
    f *= phi;
    s += f;
  }
  return s;
}

export const holtWinters: TModel = (y, horizon) => {
  let best: { sse: number; state: THwState; phi: number } | null = null;
  for (const alpha of ALPHAS)
    for (const beta of BETAS)
      for (const gamma of GAMMAS)
        for (const phi of beta === 0 ? [1] : PHIS) {
          const run = runHoltWinters(y, { alpha, beta, gamma, phi });
          if (best === null || run.sse < best.sse) best = { ...run, phi };
        }
  const { state, phi } = best!;
  const n = y.length;
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    out.push(state.level + dampedSum(phi, h) * state.trend + state.season[(n - 1 + h) % SEASON]);
  }
  return out;
};

/**
 * Holt's linear method with a damped trend, ETS(A,Ad,N) (Gardner & McKenzie 1985): no season, for series
 * whose weekly pattern is weak and whose trend should flatten rather than run on forever.
 */
export const dampedTrend: TModel = (y, horizon) => {
  let best: { sse: number; level: number; trend: number; phi: number } | null = null;
  for (const alpha of ALPHAS)
    for (const beta of BETAS)
      for (const phi of beta === 0 ? [1] : PHIS) {
        let level = y[0];
        let trend = y.length > 1 ? y[1] - y[0] : 0;
        let sse = 0;
        for (let t = 1; t < y.length; t++) {
          const error = y[t] - (level + phi * trend);
          if (t >= SEASON) sse += error * error;
          const previousLevel = level;
          level = alpha * y[t] + (1 - alpha) * (previousLevel + phi * trend);
          trend = beta * (level - previousLevel) + (1 - beta) * phi * trend;
        }
        if (best === null || sse < best.sse) best = { sse, level, trend, phi };
      }
  const { level, trend, phi } = best!;
  return Array.from({ length: horizon }, (_, i) => level + dampedSum(phi, i + 1) * trend);
};
