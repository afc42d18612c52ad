import { useTranslations } from 'next-intl';

export function Card(props: { title?: string; subtitle?: string; children: React.ReactNode; className?: string; action?: React.ReactNode }) {
  return (
    <section className={`min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${props.className ?? ''}`}>
      {(props.title || props.action) && (
        <header className="mb-4 flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
          <div>
            {props.title && <h2 className="text-base font-semibold text-slate-900">{props.title}</h2>}
            {props.subtitle && <p className="mt-0.5 text-xs text-slate-500">{props.subtitle}</p>}
          </div>
          {props.action}
        </header>
      )}
      {props.children}
    </section>
  );
}

export function PageHeader(props: { title: string; subtitle?: string; children?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{props.title}</h1>
        {props.subtitle && <p className="mt-1 text-sm text-slate-500">{props.subtitle}</p>}
      </div>
      {props.children}
    </div>
  );
}

export function DemoBanner() {
  const t = useTranslations('common');
  return (
    <div role="note" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-800">
      <strong>{t('demoBannerTitle')}</strong> {t('demoBanner')}
    </div>
  );
}
