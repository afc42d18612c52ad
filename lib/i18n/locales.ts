// The languages the UI speaks and the formatting locales a person can choose. Pure: the server, the
// client and the tests share it. A locale tag carries both the language of the strings (its first
// part) and the formatting of numbers and dates (`fr-FR`: "1 234,5 €", `en-GB`: "€1,234.50").
import { z } from 'zod';

export const LANGUAGES = ['fr', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

// What the profile offers; LOCALE may name any other valid tag (its language falls back to English
// unless it is French).
export const PROFILE_LOCALES = ['fr-FR', 'en-GB', 'en-US'] as const;
export type TProfileLocale = (typeof PROFILE_LOCALES)[number];
export const ZProfileLocale = z.enum(PROFILE_LOCALES);

// The cookie that remembers a browser's last language, so the sign-in page speaks it before anyone
// has signed in. Not a secret and not an identity: only a preference.
export const LOCALE_COOKIE = 'tourmalet-locale';

export function languageOf(locale: string): TLanguage {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

// A tag Intl accepts and keeps (a typo such as "fr_FR" or "xx-!!" is refused).
export function isValidLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length === 1 && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

// The locale of a request: the person's choice, else the browser's remembered one, else LOCALE.
export function pickLocale(candidates: (string | null | undefined)[], fallback: string): string {
  for (const c of candidates) if (c && isValidLocale(c)) return c;
  return fallback;
}
