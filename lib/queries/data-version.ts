// The version of the cost data (cost_daily and fx_rate), as the migration's triggers keep it, and a
// cache of readers' answers under it: a dashboard's viewers ask the same questions over and over
// between two syncs, so each instance answers them from memory until a write commits anywhere.
import { pool } from '../db';

export async function readDataVersion(): Promise<string> {
  const { rows } = await pool().query<{ v: string }>(
    "SELECT coalesce(sum(weight), 0)::text || ':' || coalesce(max(txid)::text, '0') AS v FROM data_change",
  );
  return rows[0].v;
}

// Folds the rows of committed transactions into one row of the same total weight (the version's sum
// is kept; its max moves on, so each cache misses once). Rows of transactions still running are
// not visible to this one and stay.
export async function compactDataChanges(): Promise<number> {
  const { rows } = await pool().query<{ folded: string }>(
    `WITH gone AS (DELETE FROM data_change WHERE txid <> pg_current_xact_id() RETURNING weight),
          kept AS (INSERT INTO data_change (weight) SELECT sum(weight) FROM gone HAVING count(*) > 0 RETURNING weight)
     SELECT count(*)::text AS folded FROM gone`,
  );
  return Number(rows[0].folded);
}

type TEntry<V> = { version: string; value: Promise<V>; weight: number };

// Versions grow by their sum with every commit (compaction keeps it); a truncate that resets it is
// a test's, never older data.
function isNewer(a: string, b: string): boolean {
  return BigInt(a.split(':')[0]) > BigInt(b.split(':')[0]);
}

// The same key for the same question whatever order its fields were written in.
function keyOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(keyOf).join(',')}]`;
  const fields = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${fields.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${keyOf(v)}`).join(',')}}`;
}

// Wraps a reader so that its answers are kept per (argument, data version): at most `max` of them
// and, when `weigh` is given, at most `maxWeight` in all (a year of days by service is thousands of
// rows: a count alone would not bound the memory), least recently used first out. Concurrent
// callers with the same argument and version share one computation; a failed one is not kept.
// Each caller gets its own copy, free to change.
export function cachedByDataVersion<A, V>(
  reader: (arg: A) => Promise<V>,
  options: { max: number; weigh?: (value: V) => number; maxWeight?: number },
) {
  const entries = new Map<string, TEntry<V>>();
  let weight = 0;
  const drop = (key: string) => {
    weight -= entries.get(key)?.weight ?? 0;
    entries.delete(key);
  };
  const fit = () => {
    for (const key of entries.keys()) {
      if (entries.size <= options.max && weight <= (options.maxWeight ?? Infinity)) break;
      drop(key);
    }
  };
  return async (arg: A): Promise<V> => {
    const version = await readDataVersion();
    const key = keyOf(arg);
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      entries.delete(key);
      entries.set(key, hit);
      return structuredClone(await hit.value);
    }
    const value = reader(arg);
    const entry: TEntry<V> = { version, value, weight: 0 };
    // a caller that read its version before a newer one was cached keeps its answer to itself
    if (!hit || !isNewer(hit.version, version)) {
      drop(key);
      entries.set(key, entry);
      fit();
    }
    let answer: V;
    try {
      answer = await value;
    } catch (error) {
      if (entries.get(key) === entry) drop(key);
      throw error;
    }
    if (entries.get(key) === entry && options.weigh) {
      entry.weight = options.weigh(answer);
      weight += entry.weight;
      fit();
    }
    return structuredClone(answer);
  };
}
