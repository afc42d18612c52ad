'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type TNavItem = { href: string; label: string };

export function Nav({ items }: { items: TNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="flex flex-col gap-1" aria-label="Main">
      {items.map((item) => {
        const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
        return (
          <Link key={item.href} href={item.href} aria-current={active ? 'page' : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${active ? 'bg-brand-600 text-white' : 'text-slate-200 hover:bg-white/10'}`}>
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
