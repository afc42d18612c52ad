// Input validation for library calls that the CLI makes without going through a route handler.
import type { z } from 'zod';
import { AppError } from '../errors';

export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || undefined, message: i.message }));
  throw new AppError('BAD_REQUEST', issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; '), issues);
}

// Settings and credentials that are empty strings mean "not given".
export function withoutEmpty<V>(values: Record<string, V | null | undefined>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== '') out[k] = v;
  return out;
}
