'use client';

// Copies a secret shown once (a token, a one-time password) to the clipboard, and says so.
import { useTranslations } from 'next-intl';
import { useState } from 'react';

export function CopyButton({ value }: { value: string }) {
  const t = useTranslations('settings');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // no clipboard (an insecure origin, a refused permission): the value stays selectable
      setState('failed');
    }
  }
  return (
    <button type="button" onClick={copy} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100">
      {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : t('copy')}
    </button>
  );
}
