// next-intl's request configuration: the locale of this request, its messages and the organisation's
// time zone. A signed-in person sees their own choice, else the organisation's LOCALE; the browser's
// remembered language (a cookie the shell keeps) speaks only to someone not signed in (the sign-in
// page), so that one person's choice never leaks to another on a shared browser.
import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { requestActor } from '../auth/page-actor';
import { env } from '../env';
import { languageOf, LOCALE_COOKIE, pickLocale } from './locales';
import { loadMessages } from './messages';

export default getRequestConfig(async () => {
  const { LOCALE, ORG_TIMEZONE } = env();
  const [actor, jar] = await Promise.all([requestActor(), cookies()]);
  const locale = actor ? pickLocale([actor.locale], LOCALE) : pickLocale([jar.get(LOCALE_COOKIE)?.value], LOCALE);
  return { locale, messages: loadMessages(languageOf(locale)), timeZone: ORG_TIMEZONE };
});
