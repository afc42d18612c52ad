// The demo's story: Europe Cyclisme started the Europe plan when its preparation phase began (84 days
// before today). The seeded Europe (plan) starts "next month" by default; in the demo it starts on the
// day the demo's roll-out began, so the plan of record and the bill describe the same months (the
// recommendations calibrate the plan against the months both cover). Only a plan still at its default start is moved.
import { isoDay } from '../dates';
import { pool, prisma } from '../db';
import { updateScenario } from '../scenarios/update-scenario';
import { demoPhases } from './model';
import { startOfUtcDay } from '../dates';

export async function alignDemoPlan(now: Date): Promise<boolean> {
  const row = await prisma.scenario.findFirst({ where: { presetId: 'europe-plan', archived: false } });
  if (!row) return false;
  const timeline = (row.timeline ?? {}) as { start?: string | null };
  if (timeline.start) return false;
  const prepStart = demoPhases(startOfUtcDay(now)).prepStart;
  const updated = await updateScenario(row.id, { timeline: { start: isoDay(prepStart) }, note: 'demo: the plan started with the demo’s preparation phase' }, { type: 'system', id: null, label: 'demo' });
  // In the demo's story the plan was written before its preparation phase began: its versions are dated
  // so, and a commitment recommended as of a day of the roll-out (asOf) reads the plan it had then.
  await pool().query(
    `UPDATE scenario_version SET changed_at = $2::timestamptz - make_interval(days => (7 * ($3::int - version + 1))::int)
      WHERE scenario_id = $1 AND version <= $3`,
    [row.id, prepStart, updated.version],
  );
  return true;
}
