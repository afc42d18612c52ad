import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { FormatProvider } from '@/components/i18n/format-provider';
import { env } from '@/lib/env';
import { languageOf } from '@/lib/i18n/locales';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: 'Tourmalet', template: '%s · Tourmalet' }, description: t('description') };
}

// Rendered per request, every page: the scripts carry the request's CSP nonce (see proxy.ts), which
// a page prerendered at build time could not know; and the language is the signed-in person's.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const locale = await getLocale();
  return (
    <html lang={languageOf(locale)}>
      <body>
        <NextIntlClientProvider>
          <FormatProvider currency={env().DISPLAY_CURRENCY}>{children}</FormatProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
