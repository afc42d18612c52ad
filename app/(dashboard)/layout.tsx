import { SignOutButton } from '@/components/auth/sign-out-button';
import { Nav, type TNavItem } from '@/components/ui/nav';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';

const ITEMS: (TNavItem & { admin?: boolean })[] = [
  { href: '/', label: 'Overview' },
  { href: '/costs', label: 'Costs' },
  { href: '/utilisation', label: 'Utilisation' },
  { href: '/scenarios', label: 'Scenarios' },
  { href: '/settings', label: 'Settings', admin: true },
];

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await getPageActor();
  const items = ITEMS.filter((i) => !i.admin || hasRole(actor.role, 'admin'));
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-56 shrink-0 flex-col justify-between bg-slate-900 p-4 text-white">
        <div>
          <div className="mb-6 px-3">
            <div className="text-lg font-semibold tracking-tight">Tourmalet</div>
            <div className="text-xs text-slate-400">Cost &amp; capacity planning</div>
          </div>
          <Nav items={items} />
        </div>
        <div className="border-t border-white/10 px-3 pt-3">
          <div className="truncate text-sm" title={actor.email}>{actor.name ?? actor.label}</div>
          <div className="mb-2 text-xs capitalize text-slate-400">{actor.role}</div>
          <SignOutButton />
        </div>
      </aside>
      <main className="min-w-0 flex-1 p-8">{children}</main>
    </div>
  );
}
