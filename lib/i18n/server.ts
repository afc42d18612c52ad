// Server components' formatter and translator: the request's locale (lib/i18n/request.ts), the
// organisation's zone and the display currency.
import 'server-only';
import { getLocale, getTimeZone } from 'next-intl/server';
import { cache } from 'react';
import { env } from '../env';
import { createFormatter, type TFormatter } from '../format/formatter';

export const getFormat = cache(async (): Promise<TFormatter> => {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return createFormatter({ locale, timeZone, currency: env().DISPLAY_CURRENCY });
});
