import { describe, expect, it } from 'vitest';
import { KeyPrefixSet } from './key-set';

describe('KeyPrefixSet', () => {
  it('tells a repeat from a first sight, across growth', () => {
    const set = new KeyPrefixSet(16);
    for (let i = 0; i < 50_000; i++) expect(set.add(i * 7919, i)).toBe(true);
    expect(set.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) expect(set.add(i * 7919, i)).toBe(false);
    // same low half, other high half: a different key
    expect(set.add(1, 0)).toBe(true);
    expect(set.size).toBe(50_001);
  });
});
