// The cookie that remembers a browser's language (lib/i18n/request.ts reads it before anyone has
// signed in): set with the person's choice, cleared when they go back to the organisation's default.
// Not HttpOnly: the shell keeps it to the language last shown from the browser (app-shell.tsx), and
// a script cannot replace an HttpOnly cookie.
import { appUrl } from '../env';
import { LOCALE_COOKIE } from '../i18n/locales';

const YEAR = 60 * 60 * 24 * 365;

export function localeCookie(locale: string | null): string {
  const secure = appUrl().startsWith('https://') ? '; Secure' : '';
  return locale
    ? `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${YEAR}; SameSite=Lax${secure}`
    : `${LOCALE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax${secure}`;
}
