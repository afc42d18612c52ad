import Link from 'next/link';

const TABS = [
  { href: '/scenarios', label: 'Scenarios', key: 'list' },
  { href: '/scenarios/compare', label: 'Compare', key: 'compare' },
  { href: '/scenarios/prices', label: 'Prices', key: 'prices' },
] as const;

export function ScenarioTabs({ active }: { active: (typeof TABS)[number]['key'] | null }) {
  return (
    <nav aria-label="Scenario planning" className="mb-6 flex gap-1 border-b border-slate-200">
      {TABS.map((t) => (
        <Link key={t.key} href={t.href} aria-current={active === t.key ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${active === t.key ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:text-slate-800'}`}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
