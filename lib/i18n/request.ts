// next-intl's request configuration: the locale of this request (the signed-in person's choice,
// else the browser's remembered one, else LOCALE), its messages and the organisation's time zone.
import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { requestActor } from '../auth/page-actor';
import { env } from '../env';
import { languageOf, LOCALE_COOKIE, pickLocale } from './locales';
import { loadMessages } from './messages';

export default getRequestConfig(async () => {
  const { LOCALE, ORG_TIMEZONE } = env();
  const [actor, jar] = await Promise.all([requestActor(), cookies()]);
  const locale = pickLocale([actor?.locale, jar.get(LOCALE_COOKIE)?.value], LOCALE);
  return { locale, messages: loadMessages(languageOf(locale)), timeZone: ORG_TIMEZONE };
});
