// The UI's strings, one file per language. English is the reference: its shape types every key
// (global.d.ts), and a test holds the French file to the same keys and placeholders.
import en from '../../messages/en.json';
import fr from '../../messages/fr.json';
import type { TLanguage } from './locales';

export type TMessages = typeof en;

const MESSAGES: Record<TLanguage, TMessages> = { en, fr };

export function loadMessages(language: TLanguage): TMessages {
  return MESSAGES[language];
}
