// A job is data: a name, a payload schema, a handler, and optionally a schedule and queue options.
import type { z } from 'zod';

export type TJobDefinition<P = unknown> = {
  name: string;
  payload: z.ZodType<P>;
  handler: (payload: P, ctx: { jobId: string; log: (line: string) => void }) => Promise<unknown>;
  schedule?: { cron: string; payload: P };
  // run once when a worker starts, after the handlers are registered (catching up missed runs)
  onWorkerStart?: (log: (line: string) => void) => Promise<void>;
  queue?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; policy?: 'standard' | 'short' | 'singleton' | 'stately'; expireInSeconds?: number };
};

export function defineJob<P>(definition: TJobDefinition<P>): TJobDefinition<P> {
  return definition;
}
