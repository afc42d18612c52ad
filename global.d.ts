// next-intl's types: every t('key') is checked against the English messages at type-check time.
import type { TMessages } from './lib/i18n/messages';

declare module 'next-intl' {
  interface AppConfig {
    Messages: TMessages;
    Locale: string;
  }
}
