// AWS Cost Explorer's own forecast (GetCostForecast, stored by the last sync) beside ours for the same scope,
// days and currency, so a reader can compare the two without converting anything.
import { getTranslations } from 'next-intl/server';
import { addIsoDays } from '@/lib/dates';
import { getFormat } from '@/lib/i18n/server';
import type { TProviderForecast } from '@/lib/queries/get-forecast';

export async function ProviderForecast({ forecast, interval, className = '' }: { forecast: TProviderForecast; interval: number; className?: string }) {
  const [t, fmt] = await Promise.all([getTranslations('providerForecast'), getFormat()]);
  const money = (v: string) => fmt.money(v, { currency: forecast.currency });
  const range = fmt.dayRange(forecast.period, addIsoDays(forecast.periodEnd, -1));
  return (
    <div className={`text-xs ${className}`} data-testid="provider-forecast" data-provider={forecast.provider}>
      <div className="font-medium text-slate-700">{t('awsTitle', { fetched: fmt.dateTime(forecast.fetchedAt) })}</div>
      <div className="tabular mt-0.5 text-slate-700" data-testid="provider-forecast-aws">
        {forecast.lower !== null && forecast.upper !== null
          ? t('awsLine', { range, mean: money(forecast.mean), lower: money(forecast.lower), upper: money(forecast.upper), level: forecast.level ?? 0 })
          : t('awsLineNoRange', { range, mean: money(forecast.mean) })}
      </div>
      <div className="tabular mt-0.5 text-slate-500" data-testid="provider-forecast-ours">
        {t('oursLine', { mean: money(forecast.ours.mean), lower: money(forecast.ours.lower), upper: money(forecast.ours.upper), interval })}
      </div>
    </div>
  );
}
