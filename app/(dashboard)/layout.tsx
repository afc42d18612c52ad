import { getTranslations } from 'next-intl/server';
import { AppShell, type TNavItem } from '@/components/ui/app-shell';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';

const ITEMS: { href: string; id: TNavItem['id']; admin?: boolean }[] = [
  { href: '/', id: 'overview' },
  { href: '/costs', id: 'costs' },
  { href: '/utilisation', id: 'utilisation' },
  { href: '/scenarios', id: 'scenarios' },
  { href: '/recommendations', id: 'recommendations' },
  { href: '/budgets', id: 'budgets' },
  { href: '/anomalies', id: 'anomalies' },
  { href: '/unit-costs', id: 'unitCosts' },
  { href: '/settings', id: 'settings', admin: true },
];

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await getPageActor('viewer', { allowPasswordChange: true });
  const t = await getTranslations('nav');
  const items: TNavItem[] = ITEMS.filter((i) => !i.admin || hasRole(actor.role, 'admin')).map((i) => ({ href: i.href, id: i.id, label: t(i.id) }));
  return (
    <AppShell items={items} person={{ name: actor.name ?? actor.label, email: actor.email ?? actor.label, role: actor.role }}>
      {children}
    </AppShell>
  );
}
