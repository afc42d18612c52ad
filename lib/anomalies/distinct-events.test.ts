import { describe, expect, it } from 'vitest';
import { distinctEvents } from './distinct-events';

const a = (id: string, startDay: string, endDay: string, expected: number, impact: number) => ({ id, startDay, endDay, expected, impact });

describe('distinctEvents', () => {
  it('lists one event seen by the total, the provider, the service and the account once, through its narrowest scope', () => {
    const seen = [a('total', '2026-11-30', '2026-12-01', 350, 178), a('aws', '2026-11-30', '2026-12-01', 191, 174), a('ec2', '2026-11-30', '2026-12-01', 117, 168), a('staging', '2026-11-30', '2026-12-01', 9, 168)];
    expect(distinctEvents(seen).map((e) => e.id)).toEqual(['staging']);
  });

  it('keeps events on other days, and one whose impact differs by more than a tenth on the same days', () => {
    const seen = [a('spike', '2026-11-30', '2026-12-01', 9, 168), a('drop', '2026-11-23', '2026-11-26', 111, -111), a('other', '2026-11-30', '2026-12-01', 50, 60)];
    expect(distinctEvents(seen).map((e) => e.id).sort()).toEqual(['drop', 'other', 'spike']);
  });
});
