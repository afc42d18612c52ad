// Thin client over the Prometheus HTTP API (optional bearer token, as behind an auth proxy or a
// managed Prometheus).
import type { z } from 'zod';
import { HttpClient, type THttpClientOptions, type THttpRequest } from '../http';
import { ConnectorError } from '../types';
import { ZPromInstant, ZPromMatrix } from './api-types';

export type TPrometheusClientOptions = Omit<THttpClientOptions, 'provider' | 'baseUrl' | 'headers' | 'auth'> & {
  url: string;
  token?: string;
};

export class PrometheusClient {
  readonly http: HttpClient;

  constructor(options: TPrometheusClientOptions) {
    const { url, token, ...rest } = options;
    this.http = new HttpClient({
      ...rest,
      provider: 'Prometheus',
      baseUrl: url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  }

  get requests() {
    return this.http.requests;
  }

  // A query Prometheus cannot parse or run is the user's PromQL: say which one.
  private async call<T extends z.ZodType>(schema: T, req: THttpRequest, name: string): Promise<z.infer<T>> {
    try {
      return await this.http.json(schema, req);
    } catch (error) {
      if (error instanceof ConnectorError && /"errorType":\s*"(bad_data|execution)"/.test(error.message)) {
        throw new ConnectorError('invalid_configuration', `the ${name} query was refused: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }

  queryRange(query: string, range: { start: number; end: number; step: number }, name: string, signal?: AbortSignal) {
    return this.call(
      ZPromMatrix,
      { path: '/api/v1/query_range', query: { query, start: range.start, end: range.end, step: range.step }, signal },
      name,
    );
  }

  query(query: string, time: number, name: string, signal?: AbortSignal) {
    return this.call(ZPromInstant, { path: '/api/v1/query', query: { query, time }, signal }, name);
  }
}
