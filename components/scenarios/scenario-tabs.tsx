import { useTranslations } from 'next-intl';
import Link from 'next/link';

const TABS = [
  { href: '/scenarios', key: 'list' },
  { href: '/scenarios/compare', key: 'compare' },
  { href: '/scenarios/prices', key: 'prices' },
] as const;

export function ScenarioTabs({ active }: { active: (typeof TABS)[number]['key'] | null }) {
  const t = useTranslations('scenarios.tabs');
  return (
    <nav aria-label={t('aria')} className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200">
      {TABS.map((tab) => (
        <Link key={tab.key} href={tab.href} aria-current={active === tab.key ? 'page' : undefined}
          className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${active === tab.key ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:text-slate-800'}`}>
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
