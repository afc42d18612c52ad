import { describe, expect, it } from 'vitest';
import { explainGap } from './plan-vs-actual-gap';

const zero = { application: 0, atlas: 0, redis: 0, cdn: 0, objectStorage: 0, monitoring: 0 };

describe('plan against actual: the gap explained', () => {
  it('is quiet within 25 % and says nothing of small amounts', () => {
    const g = explainGap({
      model: { ...zero, application: 1000, atlas: 900 },
      modelTotal: 1900,
      actual: { ...zero, application: 1100, atlas: 950, unmapped: 5 },
      unmappedServices: [{ label: 'AWS · Tax', amount: 5 }],
    });
    expect(g.significant).toBe(false);
    expect(g.ratio).toBeCloseTo(1900 / 2055 - 1, 9);
    expect(g.notes).toEqual([]);
  });

  it('names unmapped services, classes billed but not modelled, and the largest class gaps (Grand Est against a 5 617 € bill)', () => {
    const g = explainGap({
      model: { ...zero, application: 800, atlas: 700, cdn: 200, objectStorage: 142, monitoring: 100 },
      modelTotal: 1942,
      actual: { ...zero, application: 2600, atlas: 1400, redis: 450, cdn: 300, objectStorage: 200, monitoring: 117, unmapped: 550 },
      unmappedServices: [
        { label: 'AWS Support (Business)', amount: 400 },
        { label: 'Tax', amount: 150 },
      ],
    });
    expect(g.actualTotal).toBe(5617);
    expect(g.significant).toBe(true);
    expect(g.notes[0]).toEqual({ kind: 'unmapped', amount: 550, services: ['AWS Support (Business)', 'Tax'] });
    expect(g.notes).toContainEqual({ kind: 'notModelled', resourceClass: 'redis', actual: 450 });
    const gaps = g.notes.filter((n) => n.kind === 'classGap');
    expect(gaps.map((n) => n.resourceClass)).toEqual(['application', 'atlas', 'cdn']);
  });

  it('says when the model counts a class nothing is billed under, and treats a model with no bill as a gap', () => {
    const g = explainGap({ model: { ...zero, redis: 300 }, modelTotal: 300, actual: { ...zero, unmapped: 0 }, unmappedServices: [] });
    expect(g.ratio).toBeNull();
    expect(g.significant).toBe(true);
    expect(g.notes).toEqual([{ kind: 'notBilled', resourceClass: 'redis', model: 300 }]);
  });
});
