import { describe, expect, it } from 'vitest';
import { ZThresholdsUpdate } from '../api/schemas/recommendation-thresholds';
import { THRESHOLD_IDS, THRESHOLD_META, THRESHOLD_ORDER, orderProblems, thresholdProblem, validOverrides } from './threshold-settings';
import { DEFAULT_THRESHOLDS } from './thresholds';

describe('threshold settings', () => {
  it('describes every overridable threshold, its default inside its range and whole where it must be', () => {
    expect(new Set(Object.keys(THRESHOLD_META))).toEqual(new Set(Object.keys(DEFAULT_THRESHOLDS)));
    for (const id of THRESHOLD_IDS) {
      const m = THRESHOLD_META[id];
      expect(thresholdProblem(id, DEFAULT_THRESHOLDS[id]), id).toBeNull();
      expect(m.min).toBeLessThan(m.max);
      if (m.unit === 'share') expect(m.max).toBeLessThan(1);
      if (m.unit === 'days') expect(m.integer).toBe(true);
      expect(m.source.length).toBeGreaterThan(10);
    }
    expect(orderProblems(DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('refuses values out of range, fractions of days, and non-numbers', () => {
    expect(thresholdProblem('atlasScaleUpPercent', 96)).toBe('must be between 50 and 95');
    expect(thresholdProblem('cdnCacheHitTarget', 85)).toBe('must be between 0.5 and 0.99');
    expect(thresholdProblem('idleDays', 14.5)).toBe('must be a whole number');
    expect(thresholdProblem('s3IaAfterDays', 29)).toBe('must be between 30 and 365');
    expect(thresholdProblem('vpaMargin', Number.NaN)).toBe('must be a number');
    expect(thresholdProblem('vpaMargin', 0)).toBeNull();
  });

  it('keeps ordered pairs ordered', () => {
    for (const [low, high] of THRESHOLD_ORDER) {
      const broken = { ...DEFAULT_THRESHOLDS, [low]: DEFAULT_THRESHOLDS[high] };
      expect(orderProblems(broken).map((p) => p.id)).toEqual([low]);
    }
  });

  it('passes on only the stored overrides a rule may use', () => {
    expect(validOverrides([{ id: 'idleDays', value: 21 }, { id: 'gone', value: 1 }, { id: 'redisLowDays', value: 400 }])).toEqual({ idleDays: 21 });
    // a pair broken by two rows: both dropped, the defaults apply
    expect(validOverrides([{ id: 'atlasScaleDownCpuPercent', value: 70 }, { id: 'atlasScaleUpPercent', value: 60 }, { id: 'vpaMargin', value: 0.2 }])).toEqual({ vpaMargin: 0.2 });
  });

  it('the API body names each bad threshold', () => {
    const r = ZThresholdsUpdate.safeParse({ thresholds: { idleDays: 0, nope: 1, vpaMargin: null } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['thresholds.idleDays', 'thresholds.nope']);
    expect(ZThresholdsUpdate.safeParse({ thresholds: { vpaMargin: null, idleDays: 30 } }).success).toBe(true);
    expect(ZThresholdsUpdate.safeParse({ thresholds: {} }).success).toBe(false);
  });
});
