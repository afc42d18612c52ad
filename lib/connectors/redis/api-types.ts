// The INFO fields the Redis connector reads, parsed from the server's `field:value` text. Counters come
// as text; zod coerces them and names any field that is missing or not a number.
import { z } from 'zod';

const count = z.coerce.number().int().nonnegative();
const rate = z.coerce.number().nonnegative();

export const ZRedisInfo = z.object({
  redis_version: z.string(),
  redis_mode: z.string().optional(),
  role: z.string().optional(),
  used_memory: count,
  maxmemory: count.default(0),
  maxmemory_policy: z.string().optional(),
  total_system_memory: count.optional(),
  instantaneous_ops_per_sec: rate,
  keyspace_hits: count,
  keyspace_misses: count,
  evicted_keys: count,
  connected_clients: count,
  maxclients: count.optional(),
  connected_slaves: count.optional(),
  uptime_in_seconds: count.optional(),
});
export type TRedisInfo = z.infer<typeof ZRedisInfo>;

// INFO's text: `# Section` headers, `field:value` lines, CRLF line ends.
export function parseInfoText(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const at = line.indexOf(':');
    if (at > 0) fields[line.slice(0, at)] = line.slice(at + 1);
  }
  return fields;
}
