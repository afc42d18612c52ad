'use client';

// The frame of every signed-in page: a sidebar from 900 px up; below it a top bar whose menu button
// opens the same navigation as a sheet (closed again by a link, Escape or the backdrop).
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

export type TNavItem = { href: string; id: 'overview' | 'costs' | 'utilisation' | 'scenarios' | 'recommendations' | 'budgets' | 'anomalies' | 'unitCosts' | 'settings'; label: string };
type TPerson = { name: string; email: string; role: string };

function NavLinks({ items, onNavigate }: { items: TNavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const t = useTranslations('nav');
  return (
    <nav className="flex flex-col gap-1" aria-label={t('main')}>
      {items.map((item) => {
        const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
        return (
          <Link key={item.href} href={item.href} aria-current={active ? 'page' : undefined} onClick={onNavigate}
            className={`rounded-md px-3 py-2 text-sm font-medium ${active ? 'bg-brand-600 text-white' : 'text-slate-200 hover:bg-white/10'}`}>
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

function PersonBlock({ person, onNavigate }: { person: TPerson; onNavigate?: () => void }) {
  const t = useTranslations('nav');
  const tr = useTranslations('roles');
  return (
    <div className="border-t border-white/10 px-3 pt-3">
      <Link href="/account" onClick={onNavigate} className="block truncate text-sm hover:underline" title={person.email} data-testid="account-link">{person.name}</Link>
      <div className="mb-2 text-xs text-slate-400">{tr(person.role as 'viewer' | 'editor' | 'admin')}</div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 whitespace-nowrap">
        <Link href="/account" onClick={onNavigate} className="text-xs font-medium text-slate-300 hover:text-white">{t('account')}</Link>
        <SignOutButton />
      </div>
    </div>
  );
}

function Brand() {
  const t = useTranslations('app');
  return (
    <div className="px-3">
      <div className="text-lg font-semibold tracking-tight">Tourmalet</div>
      <div className="text-xs text-slate-400">{t('tagline')}</div>
    </div>
  );
}

export function AppShell({ items, person, children }: { items: TNavItem[]; person: TPerson; children: React.ReactNode }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  // the menu is open on the page it was opened on: a navigation by any means (back button
  // included) closes it
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const close = () => setOpenOn(null);
  // the browser remembers the language it was last shown in, for its next sign-in page. Written
  // only when it differs: Next's router drops and re-sends every prefetch when a cookie is written,
  // and writing it on each page load tripled the prefetch requests of every page.
  const locale = useLocale();
  useEffect(() => {
    const pair = `${LOCALE_COOKIE}=${encodeURIComponent(locale)}`;
    if (document.cookie.split('; ').includes(pair)) return;
    document.cookie = `${pair}; path=/; max-age=31536000; samesite=lax`;
  }, [locale]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpenOn(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="min-h-screen nav:flex">
      <aside className="hidden w-56 shrink-0 flex-col justify-between bg-slate-900 p-4 text-white nav:flex">
        <div>
          <div className="mb-6"><Brand /></div>
          <NavLinks items={items} />
        </div>
        <PersonBlock person={person} />
      </aside>

      <header className="sticky top-0 z-30 flex items-center justify-between bg-slate-900 px-4 py-3 text-white nav:hidden">
        <span className="text-lg font-semibold tracking-tight">Tourmalet</span>
        <button type="button" onClick={() => setOpenOn(open ? null : pathname)} aria-expanded={open} aria-controls="mobile-menu"
          className="rounded-md border border-white/20 px-3 py-1.5 text-sm font-medium hover:bg-white/10" data-testid="menu-button">
          {open ? t('close') : t('menu')}
        </button>
      </header>
      {open && (
        <div className="fixed inset-0 z-40 nav:hidden">
          <button type="button" aria-label={t('close')} className="absolute inset-0 bg-slate-900/40" onClick={close} />
          <div id="mobile-menu" role="dialog" aria-modal="true" aria-label={t('main')}
            className="absolute inset-y-0 left-0 flex w-72 max-w-[85vw] flex-col justify-between overflow-y-auto bg-slate-900 p-4 text-white shadow-xl">
            <div>
              <div className="mb-6 flex items-start justify-between">
                <Brand />
                <button type="button" onClick={close} className="rounded px-2 py-1 text-sm text-slate-300 hover:bg-white/10">{t('close')}</button>
              </div>
              <NavLinks items={items} onNavigate={close} />
            </div>
            <PersonBlock person={person} onNavigate={close} />
          </div>
        </div>
      )}

      <main className="min-w-0 flex-1 p-4 sm:p-6 nav:p-8">{children}</main>
    </div>
  );
}
