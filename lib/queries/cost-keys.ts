// The keys of cost groups, which are also the values of the costs filters. Service, region and
// account ids belong to a provider (the AWS account and the Atlas organisation "ec-prod" are two
// accounts; AWS's "global" region is not Cloudflare's), so their key is the pair, written
// PROVIDER:ID: the provider with '%' and ':' escaped as %25 and %3A, then ':', then the id as it is
// (which may hold ':' itself), e.g. "AWS:123456789012" or "MongoDB Atlas:ec-prod". An empty id
// (a record that names none) gives "AWS:". Provider and category keys are the value itself, with
// "(none)" for a record that names no category.
import { z } from 'zod';
import { AppError } from '../errors';
import type { TFocusExportFilters } from '../focus/export-focus';

export const NONE = '(none)';

export type TScopedKey = { provider: string; id: string };

const escapeProvider = (provider: string) => provider.replace(/%/g, '%25').replace(/:/g, '%3A');

export function scopedKey(provider: string, id: string): string {
  return `${escapeProvider(provider)}:${id}`;
}

// The (provider, id) of a key, or null when it is not one scopedKey makes.
export function parseScopedKey(key: string): TScopedKey | null {
  const colon = key.indexOf(':');
  if (colon <= 0) return null;
  const escaped = key.slice(0, colon);
  if (/%(?!25|3A)/i.test(escaped)) return null;
  const provider = escaped.replace(/%3A/gi, ':').replace(/%25/g, '%');
  return { provider, id: key.slice(colon + 1) };
}

export const ZScopedKey = (example: string) =>
  z
    .string()
    .min(1)
    .refine((v) => parseScopedKey(v) !== null, { message: `must be a key as the costs API gives it: PROVIDER:ID, e.g. ${example}` })
    .describe(`a group key of the costs API: PROVIDER:ID (":" and "%" in the provider escaped as %3A and %25), e.g. ${example}`);

// The column a category key stands for: "(none)" is the records that name no category.
export const categoryValue = (key: string) => (key === NONE ? '' : key);

export type TCostFilterValues = { provider?: string; service?: string; region?: string; account?: string; category?: string };

// The filters as (column, value) pairs of cost_daily (and cost_record, where '' is NULL), all to
// hold at once. Keys are parsed here, after the schema has checked them.
export function costFilterPairs(filters: TCostFilterValues): [column: string, value: string][] {
  const pairs: [string, string][] = [];
  if (filters.provider) pairs.push(['provider_name', filters.provider]);
  const scoped = { service: 'service_name', region: 'region_id', account: 'sub_account_id' } as const;
  for (const [name, column] of Object.entries(scoped) as [keyof typeof scoped, string][]) {
    const value = filters[name];
    if (!value) continue;
    const key = parseScopedKey(value);
    if (!key) throw new AppError('BAD_REQUEST', `${name} must be a PROVIDER:ID key`, [{ field: name, message: 'must be a PROVIDER:ID key' }]);
    pairs.push(['provider_name', key.provider], [column, key.id]);
  }
  if (filters.category) pairs.push(['service_category', categoryValue(filters.category)]);
  return pairs;
}

// The same filters for the FOCUS export, which reads cost_record (where '' is NULL, and a filter
// on '' matches it): a column asked for two different values matches nothing.
export function focusExportFilters(filters: TCostFilterValues): TFocusExportFilters {
  const field: Record<string, keyof TFocusExportFilters> = {
    provider_name: 'providers',
    service_name: 'services',
    region_id: 'regions',
    sub_account_id: 'accounts',
    service_category: 'serviceCategories',
  };
  const out: TFocusExportFilters = {};
  for (const [column, value] of costFilterPairs(filters)) {
    const name = field[column];
    const previous = out[name];
    out[name] = previous ? previous.filter((v) => v === value) : [value];
  }
  return out;
}
