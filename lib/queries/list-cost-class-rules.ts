// The explicit cost class choices (cost_class_rule), as the pure resolver takes them.
import { prisma } from '../db';
import { isMappedClass, type TClassRule } from '../planning/cost-class-rules';

export type TStoredClassRule = TClassRule & { updatedBy: string | null; updatedAt: string };

export async function listCostClassRules(): Promise<TStoredClassRule[]> {
  const rows = await prisma.costClassRule.findMany({ orderBy: [{ providerName: 'asc' }, { serviceName: 'asc' }, { serviceCategory: 'asc' }] });
  return rows.map((r) => {
    // the table's CHECK constraint holds the same list: a row outside it is a schema drift
    if (!isMappedClass(r.resourceClass)) throw new Error(`cost_class_rule holds an unknown class ${r.resourceClass}`);
    return {
      provider: r.providerName,
      service: r.serviceName,
      category: r.serviceCategory,
      resourceClass: r.resourceClass,
      updatedBy: r.updatedBy,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
