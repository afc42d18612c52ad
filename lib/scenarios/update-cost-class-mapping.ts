// An editor says which resource class a service's costs count under (or unmapped), or returns it to
// the default rule; every change is audited with the class before and after.
import { z } from 'zod';
import { prisma } from '../db';
import { MAPPED_CLASSES } from '../planning/cost-class-rules';
import { auditTx, type TScenarioActor } from './scenario-row';

// Providers and services need not be in the bill yet: a rule can be set before a new provider's
// first sync, and a rule for a service that stops billing does no harm (the mapping lists it).
const ZName = (what: string) => z.string().trim().min(1, `must name the ${what}`).max(200);

export const ZCostClassRuleInput = z.object({
  provider: ZName('provider').describe('as the costs API names it (AWS, MongoDB Atlas, …)'),
  service: ZName('service').describe('the service name, as the bill gives it'),
  category: z.string().trim().max(200).optional().describe('a FOCUS service category: the rule applies to that category only'),
  resourceClass: z
    .enum(MAPPED_CLASSES, { error: `must be one of ${MAPPED_CLASSES.join(', ')}, or null for the default rule` })
    .nullable()
    .describe('null removes the explicit choice: the default rule applies again'),
});

export const ZCostClassMappingUpdate = z
  .object({ rules: z.array(ZCostClassRuleInput).min(1, 'must list at least one rule').max(500) })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.rules.forEach((r, i) => {
      const key = JSON.stringify([r.provider, r.service, r.category ?? '']);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['rules', i], message: 'names the same provider, service and category as an earlier rule' });
      seen.add(key);
    });
  });
export type TCostClassMappingUpdate = z.infer<typeof ZCostClassMappingUpdate>;

export async function updateCostClassMapping(update: TCostClassMappingUpdate, actor: TScenarioActor): Promise<{ changed: number }> {
  const label = actor.label ?? actor.id ?? actor.type;
  return prisma.$transaction(async (tx) => {
    const changes: { provider: string; service: string; category: string; from: string | null; to: string | null }[] = [];
    for (const r of update.rules) {
      const id = { providerName: r.provider, serviceName: r.service, serviceCategory: r.category ?? '' };
      const before = await tx.costClassRule.findUnique({ where: { providerName_serviceName_serviceCategory: id } });
      const from = before?.resourceClass ?? null;
      if (from === r.resourceClass) continue;
      if (r.resourceClass === null) await tx.costClassRule.delete({ where: { providerName_serviceName_serviceCategory: id } });
      else {
        await tx.costClassRule.upsert({
          where: { providerName_serviceName_serviceCategory: id },
          create: { ...id, resourceClass: r.resourceClass, updatedBy: label },
          update: { resourceClass: r.resourceClass, updatedBy: label, updatedAt: new Date() },
        });
      }
      changes.push({ provider: r.provider, service: r.service, category: id.serviceCategory, from, to: r.resourceClass });
    }
    if (changes.length) await auditTx(tx, actor, 'cost-class-mapping.update', { type: 'cost-class-mapping', id: 'default' }, { changes });
    return { changed: changes.length };
  });
}
