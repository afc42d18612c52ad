// The overview's card: open anomalies of the last 7 days, one line per event, largest first, each linking to its page.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { addIsoDays, isoDay } from '@/lib/dates';
import { getFormat } from '@/lib/i18n/server';
import { distinctEvents } from '@/lib/anomalies/distinct-events';
import { listAnomalies } from '@/lib/queries/list-anomalies';
import { DirectionBadge, monitorLabel } from './anomaly-words';

const SHOWN = 5;

export async function RecentAnomaliesCard(props: { now: Date }) {
  const [t, fmt] = await Promise.all([getTranslations('anomalies'), getFormat()]);
  const today = isoDay(props.now);
  // one event the total, its provider, service and account all saw is one line, under its narrowest scope
  const rows = distinctEvents(await listAnomalies({ from: addIsoDays(today, -7), status: 'open' })).sort((a, b) => Math.abs(Number(b.impact)) - Math.abs(Number(a.impact)));
  return (
    <Card
      title={t('overviewTitle')}
      subtitle={t('overviewSubtitle')}
      className="mb-6"
      action={
        <Link href="/anomalies" className="text-sm font-medium text-brand-600 hover:underline">
          {t('overviewAll')}
        </Link>
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="overview-anomalies-empty">{t('overviewEmpty')}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="overview-anomalies">
          {rows.slice(0, SHOWN).map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2 text-sm">
              <Link href={`/anomalies?anomaly=${a.id}`} className="min-w-0 font-medium text-slate-900 hover:underline">
                {monitorLabel(t('totalMonitor'), a.monitor)}
              </Link>
              <span className="flex items-center gap-3 text-slate-600">
                <DirectionBadge direction={a.direction} label={t(`direction.${a.direction}`)} />
                <span className="tabular">{fmt.dayRange(a.startDay, a.endDay)}</span>
                <span className="tabular font-medium text-slate-900">{fmt.moneySigned(a.impact, { currency: a.currency })}</span>
              </span>
            </li>
          ))}
          {rows.length > SHOWN && <li className="pt-2 text-xs text-slate-500">{t('overviewMore', { count: rows.length - SHOWN })}</li>}
        </ul>
      )}
    </Card>
  );
}
