// The window choice as plain links (?days=N), so the page stays server-rendered.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { WINDOW_DAYS } from '@/lib/utilisation/window';

export function WindowPicker(props: { days: number; basePath: string }) {
  const t = useTranslations('utilisation');
  return (
    <nav aria-label={t('window')} className="inline-flex overflow-hidden rounded-md border border-slate-200 bg-white text-sm">
      {WINDOW_DAYS.map((d) => {
        const active = d === props.days;
        return (
          <Link
            key={d}
            href={`${props.basePath}?days=${d}`}
            aria-current={active ? 'page' : undefined}
            className={`whitespace-nowrap px-3 py-1.5 font-medium ${active ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-50'}`}
          >
            {t('windowDays', { days: d })}
          </Link>
        );
      })}
    </nav>
  );
}
