'use client';

// The recommendations API as react-query reads it: one key per question, the fetchers, and the error
// the API gave (its message names the field) surfaced as it is.
import type {
  TCommitmentPlanResult,
  TRecommendationList,
  TRecommendationView,
  TUpdateRecommendation,
} from '@/lib/api/schemas/recommendations';

export type TListFilters = { status?: string; kind?: string; provider?: string };
/** asOf: replay the plan as it stood on that day (YYYY-MM-DD), reading nothing after it; absent: now. */
export type TPlanParams = { instrument: string; term: string; payment: string; lookbackDays: number; asOf?: string };

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // a proxy's HTML error page: the status says enough
  }
  if (!response.ok) {
    const message = (data as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${response.status}`;
    throw new ApiError(message, response.status);
  }
  return data as T;
}

/** Query strings without empty values, in a stable order (they are part of the cache key's URL). */
export function queryString(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  entries.sort(([a], [b]) => a.localeCompare(b));
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}

export const keys = {
  all: ['recommendations'] as const,
  list: (filters: TListFilters) => ['recommendations', 'list', queryString(filters)] as const,
  detail: (id: string) => ['recommendations', 'detail', id] as const,
  plan: (params: TPlanParams) => ['commitment-plan', queryString(params)] as const,
};

export function fetchList(filters: TListFilters): Promise<TRecommendationList> {
  const qs = queryString(filters);
  return request('GET', `/api/v1/recommendations${qs ? `?${qs}` : ''}`);
}

export function fetchRecommendation(id: string): Promise<TRecommendationView> {
  return request('GET', `/api/v1/recommendations/${encodeURIComponent(id)}`);
}

export function updateRecommendation(id: string, body: TUpdateRecommendation): Promise<TRecommendationView> {
  return request('PATCH', `/api/v1/recommendations/${encodeURIComponent(id)}`, body);
}

export function refreshRecommendations(): Promise<unknown> {
  return request('POST', '/api/v1/recommendations/refresh', {});
}

export function fetchPlan(params: TPlanParams): Promise<TCommitmentPlanResult> {
  return request('GET', `/api/v1/commitments/plan?${queryString(params)}`);
}
