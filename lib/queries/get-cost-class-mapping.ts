// The cost class mapping as the mapping page and API show it: each service billed last month or this
// month with its default class (and the rule that gave it), its class now and where that comes from,
// its amounts; and the explicit rules, including those for services not billed lately.
import { defaultResourceClass, MAPPED_CLASSES, type TMappedClass } from '../planning/cost-class-rules';
import { scopedKey } from './cost-keys';
import { getPlanActuals, type TServiceActual } from './get-plan-actuals';
import { listCostClassRules, type TStoredClassRule } from './list-cost-class-rules';

export type TMappedService = TServiceActual & { defaultClass: TMappedClass; defaultRule: string | null };
export type TCostClassMapping = { classes: TMappedClass[]; currency: string; lastMonth: string; rules: TStoredClassRule[]; services: TMappedService[] };

export async function getCostClassMapping(options: { now: Date; currency: string; timeZone: string }): Promise<TCostClassMapping> {
  const rules = await listCostClassRules();
  const actuals = await getPlanActuals({ ...options, rules });
  const services: TServiceActual[] = [...actuals.services];
  for (const r of rules) {
    const category = r.category || null;
    // a service-wide rule is shown by the service's rows, whether or not category rules split it
    if (services.some((s) => s.provider === r.provider && s.service === r.service && (category === null || s.category === category))) continue;
    services.push({ provider: r.provider, service: r.service, category, key: scopedKey(r.provider, r.service), resourceClass: r.resourceClass, source: 'override', lastMonth: '0', monthToDate: '0' });
  }
  return {
    classes: [...MAPPED_CLASSES],
    currency: actuals.currency,
    lastMonth: actuals.lastMonth.month,
    rules,
    services: services.map((s) => {
      const d = defaultResourceClass({ provider: s.provider, service: s.service });
      return { ...s, defaultClass: d.resourceClass, defaultRule: d.rule };
    }),
  };
}
