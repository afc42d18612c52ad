// One colour per resource class on the scenario pages (the stacked bars, the lines' swatches). A class
// is not a provider (the application class runs on EKS or Fargate, the CDN on CloudFront or
// Cloudflare), so these are the classes' own colours, kept stable across the scenario pages.
import type { TResourceClass } from '@/lib/planning/types';

export const CLASS_COLORS: Record<TResourceClass, string> = {
  application: '#3b82f6',
  atlas: '#2f7d62',
  redis: '#ef4444',
  cdn: '#f59e0b',
  objectStorage: '#8b5cf6',
  monitoring: '#64748b',
};

export function classColor(cls: TResourceClass): string {
  return CLASS_COLORS[cls];
}
