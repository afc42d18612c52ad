// Which of the planner's resource classes a billed service counts under, when the model is set
// against the bill. Pure: the default rules below, then explicit choices (stored in cost_class_rule)
// that win over them. A service neither maps is 'unmapped': it is shown with its amount, never
// dropped, so the classes plus unmapped always add up to the bill.
import { RESOURCE_CLASSES, type TResourceClass } from './types';

export const UNMAPPED = 'unmapped';
export const MAPPED_CLASSES = [...RESOURCE_CLASSES, UNMAPPED] as const;
export type TMappedClass = (typeof MAPPED_CLASSES)[number];

export type TServiceRef = { provider: string; service: string; category?: string };
export type TClassRule = { provider: string; service: string; category: string; resourceClass: TMappedClass };

type TDefaultRule = { test: RegExp; resourceClass: TMappedClass; why: string };

// Tried in order on "provider service" (case-insensitive); the first that matches wins. Provider
// names come first where a provider's whole bill is one class (Atlas, Redis Cloud, Cloudflare,
// Grafana), so that its side charges (Atlas data transfer, Cloudflare Workers) stay with it, as the
// model prices them inside that class.
const DEFAULT_RULES: TDefaultRule[] = [
  { test: /\bmongodb\b|\batlas\b/i, resourceClass: 'atlas', why: 'MongoDB Atlas' },
  { test: /\bredis\b|elasticache|memorydb|valkey/i, resourceClass: 'redis', why: 'Redis' },
  { test: /cloudflare|cloudfront|fastly|akamai|bunny|\bcdn\b/i, resourceClass: 'cdn', why: 'CDN' },
  { test: /grafana|cloudwatch|prometheus|datadog|new relic|x-ray|\bloki\b|monitoring/i, resourceClass: 'monitoring', why: 'monitoring' },
  {
    test: /simple storage service|\bs3\b|glacier|object storage|cloud storage|\bblob\b/i,
    resourceClass: 'objectStorage',
    why: 'object storage',
  },
  // The model prices origin egress (AWS → the CDN) inside the CDN class (lib/planning/sizing/cdn.ts),
  // and that is most of what "AWS Data Transfer" bills when a CDN fronts the application; NAT and
  // load balancer traffic bill under EC2 and ELB, which go to application below.
  { test: /data transfer|bandwidth|egress/i, resourceClass: 'cdn', why: 'data transfer: origin egress to the CDN, as the model prices it' },
  {
    test: /elastic compute cloud|\bec2\b|kubernetes|\beks\b|container service|\becs\b|fargate|load balanc|\belb\b|savings plans? for aws compute|lambda|compute engine|virtual machines/i,
    resourceClass: 'application',
    why: 'application servers',
  },
];

/** The class the default rules give a service, and which rule gave it (null: none matched). */
export function defaultResourceClass(ref: TServiceRef): { resourceClass: TMappedClass; rule: string | null } {
  const text = `${ref.provider} ${ref.service}`;
  for (const r of DEFAULT_RULES) if (r.test.test(text)) return { resourceClass: r.resourceClass, rule: r.why };
  return { resourceClass: UNMAPPED, rule: null };
}

export function isMappedClass(value: string): value is TMappedClass {
  return (MAPPED_CLASSES as readonly string[]).includes(value);
}

const ruleKey = (provider: string, service: string, category: string) => JSON.stringify([provider, service, category]);

export type TResolvedClass = { resourceClass: TMappedClass; source: 'override' | 'default' };

/**
 * A resolver over explicit rules: a rule for the service's own category wins over the service-wide
 * rule (category ''), which wins over the defaults.
 */
export function classResolver(rules: TClassRule[]): (ref: TServiceRef) => TResolvedClass {
  const byKey = new Map(rules.map((r) => [ruleKey(r.provider, r.service, r.category), r.resourceClass]));
  return (ref) => {
    const own = ref.category ? byKey.get(ruleKey(ref.provider, ref.service, ref.category)) : undefined;
    const explicit = own ?? byKey.get(ruleKey(ref.provider, ref.service, ''));
    if (explicit) return { resourceClass: explicit, source: 'override' };
    return { resourceClass: defaultResourceClass(ref).resourceClass, source: 'default' };
  };
}

/** Whether any explicit rule of the service names a category (its costs must then be read by category). */
export function hasCategoryRules(rules: TClassRule[], provider: string, service: string): boolean {
  return rules.some((r) => r.provider === provider && r.service === service && r.category !== '');
}

export type { TResourceClass };
