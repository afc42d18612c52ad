import { describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint';

describe('fingerprint', () => {
  const base = { ruleId: 'atlas-tier', resourceId: 'cluster-1', actionType: 'tier-up' };

  it('is a sha256 hex digest, the same for the same inputs', () => {
    expect(fingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint({ ...base })).toBe(fingerprint(base));
  });

  it('changes with each of rule, resource and action', () => {
    const all = new Set([
      fingerprint(base),
      fingerprint({ ...base, ruleId: 'atlas-idle' }),
      fingerprint({ ...base, resourceId: 'cluster-2' }),
      fingerprint({ ...base, actionType: 'tier-down' }),
    ]);
    expect(all.size).toBe(4);
  });

  it('keeps the parts apart', () => {
    expect(fingerprint({ ruleId: 'a|b', resourceId: 'c', actionType: 'x' })).not.toBe(fingerprint({ ruleId: 'a', resourceId: 'b|c', actionType: 'x' }));
  });
});
