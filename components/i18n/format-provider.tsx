'use client';

// Client components' formatter: the locale and zone next-intl's provider carries, and the display
// currency the server hands down (it lives in the server's configuration).
import { useLocale, useTimeZone } from 'next-intl';
import { createContext, useContext, useMemo } from 'react';
import { createFormatter, type TFormatter } from '@/lib/format/formatter';

const CurrencyContext = createContext('EUR');

export function FormatProvider({ currency, children }: { currency: string; children: React.ReactNode }) {
  return <CurrencyContext.Provider value={currency}>{children}</CurrencyContext.Provider>;
}

export function useFormat(): TFormatter {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? 'UTC';
  const currency = useContext(CurrencyContext);
  return useMemo(() => createFormatter({ locale, timeZone, currency }), [locale, timeZone, currency]);
}
