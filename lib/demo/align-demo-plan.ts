// The demo's story: Europe Cyclisme started the Europe plan when its preparation phase began (84 days
// before today). The seeded Europe (plan) starts "next month" by default; in the demo it starts on the
// day the demo's roll-out began, so the plan of record and the bill describe the same months (the
// recommendations calibrate the plan against the months both cover). Only a plan still at its default start is moved.
import { isoDay } from '../dates';
import { prisma } from '../db';
import { updateScenario } from '../scenarios/update-scenario';
import { demoPhases } from './model';
import { startOfUtcDay } from '../dates';

export async function alignDemoPlan(now: Date): Promise<boolean> {
  const row = await prisma.scenario.findFirst({ where: { presetId: 'europe-plan', archived: false } });
  if (!row) return false;
  const timeline = (row.timeline ?? {}) as { start?: string | null };
  if (timeline.start) return false;
  const start = isoDay(demoPhases(startOfUtcDay(now)).prepStart);
  await updateScenario(row.id, { timeline: { start }, note: 'demo: the plan started with the demo’s preparation phase' }, { type: 'system', id: null, label: 'demo' });
  return true;
}
