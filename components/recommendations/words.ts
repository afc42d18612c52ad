'use client';

// Words for the recommendations' code names (kinds, statuses, actions, instruments, evidence metrics)
// from the page's messages, and the sentences the rules write as message keys with ICU parameters
// (recommendations.messages.*), rendered in the page's language.
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { TFormatter } from '@/lib/format/formatter';
import { providerName } from '@/lib/prices/provider-key';
import { useFormat } from '@/components/i18n/format-provider';
import { messageValues } from '@/lib/recommendations/message-values';
import type { TMessage } from '@/lib/recommendations/types';

type TLooseT = ((key: string, params?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/**
 * A message key the rules use (recommendations.messages.*), in the page's language with the values
 * messageValues gives it (money formatted in `currency`, instruments named); `fallback` (the rule's
 * English text) when no translation exists.
 */
export function useRecommendationMessage() {
  // the recommendations namespace is the engine's; its keys are data (the rule chooses one)
  const t = useTranslations() as unknown as TLooseT;
  const fmt = useFormat();
  return useMemo(() => {
    const named = (group: string, id: string) => (t.has(`recommendations.messages.${group}.${id}`) ? t(`recommendations.messages.${group}.${id}`) : id);
    return (message: TMessage | null | undefined, fallback = '', currency: string | null = null): string => {
      if (!message) return fallback;
      const key = `recommendations.messages.${message.key}`;
      if (!t.has(key)) return fallback || message.key;
      const values = messageValues(message, {
        money: (amount) => sentenceMoney(fmt, amount, currency ?? fmt.currency),
        instrumentName: (id) => named('instruments', id),
        paymentName: (option) => named('payments', option),
        quantity: (value, unit) => fmt.quantity(value, unit),
      });
      try {
        return t(key, values);
      } catch {
        return fallback || message.key;
      }
    };
  }, [t, fmt]);
}

export function useRecommendationWords() {
  const t = useTranslations('recommendationsPage') as unknown as TLooseT;
  const root = useTranslations() as unknown as TLooseT;
  return useMemo(() => {
    const maybe = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
    // instruments and rules are named once, in the engine's messages (the CLI and the e-mail use them too)
    const engine = (key: string, fallback: string) => (root.has(`recommendations.messages.${key}`) ? root(`recommendations.messages.${key}`) : fallback);
    return {
      kind: (kind: string) => maybe(`kinds.${camel(kind)}`, kind),
      status: (status: string) => maybe(`statuses.${status}`, status),
      action: (type: string) => maybe(`actionTypes.${camel(type)}`, type),
      /** "Move up a tier: ec-routes" ("Monter d'un palier : ec-routes"). */
      title: (type: string, resource: string) => t('recommendationTitle', { action: maybe(`actionTypes.${camel(type)}`, type), resource }),
      instrument: (id: string) => engine(`instruments.${id}`, id),
      payment: (p: string) => maybe(`payments.${camel(p)}`, p),
      metric: (m: string) => maybe(`metrics.${m}`, m),
      rule: (id: string) => engine(`rules.${id}`, id),
      provider: (p: string) => providerName(p),
      /** What a commitment covers, from its scope message (commitmentText.scopes.*); the English text when the key is unknown. */
      scope: (message: TMessage | null | undefined, fallback: string) => commitmentText(root, 'scopes', message, fallback),
      /** A built-in discount's source (commitmentText.discountSources.*); an entered item's own text otherwise. */
      discountSource: (message: TMessage | null | undefined, fallback: string) => commitmentText(root, 'discountSources', message, fallback),
    };
  }, [t, root]);
}

function commitmentText(root: TLooseT, group: 'scopes' | 'discountSources', message: TMessage | null | undefined, fallback: string): string {
  const key = message ? `commitmentText.${group}.${message.key}` : null;
  if (!message || !key || !root.has(key)) return fallback;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(message.params)) params[k] = v ?? '';
  return root(key, params);
}

/** Money in a sentence: a rate per hour keeps its cents and more (0,9973 €), tens their cents, the rest whole. */
export function sentenceMoney(fmt: TFormatter, amount: string | number, currency: string): string {
  const n = Math.abs(Number(amount));
  if (n < 10) return fmt.unitPrice(Math.round(Number(amount) * 10_000) / 10_000, { currency });
  return fmt.money(amount, { currency, digits: n < 100 ? 2 : 0 });
}

/** 'tier-up' → 'tierUp': message keys are camelCase. */
export function camel(s: string): string {
  return s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** One evidence number in its unit, in the page's language: shares as percentages, money per hour, bytes in the locale's unit. */
export function useEvidenceValue(fmt: TFormatter) {
  const t = useTranslations('recommendationsPage.units');
  return useMemo(
    () => (value: number, unit: string): string => {
      const perHour = /^([A-Z]{3})\/h on demand$/.exec(unit);
      if (perHour) return t('perHourOnDemand', { amount: fmt.unitPrice(Math.round(value * 10_000) / 10_000, { currency: perHour[1] }) });
      // an amount a month in the rule's own currency (the CDN pricing's bill and options)
      const perMonth = /^([A-Z]{3})\/month$/.exec(unit);
      if (perMonth) return t('perMonth', { amount: fmt.money(String(value), { currency: perMonth[1], digits: Math.abs(value) < 100 ? 2 : 0 }) });
      const perGB = /^([A-Z]{3})\/GB$/.exec(unit);
      if (perGB) return t('perGB', { amount: fmt.unitPrice(Math.round(value * 10_000) / 10_000, { currency: perGB[1] }) });
      switch (unit) {
        case 'ratio':
          return fmt.share(value, Math.abs(value) < 0.1 && value !== 0 ? 1 : 0);
        case '%':
        case 'percent':
          return fmt.share(value / 100, 0);
        case 'GB':
          // as the rule counted them and its sentence says them (bills and CDNs count decimal GB)
          return fmt.gigabytes(value);
        case 'GiB':
          // Kubernetes sizes memory in GiB ("4Gi"), and the sentences say GiB: the evidence keeps that unit
          return fmt.quantity(value, 'GiB');
        case 'GB/day':
          return t('perDay', { amount: fmt.gigabytes(value) });
        case 'days':
          return t('days', { value: Math.round(value) });
        case 'keys':
          return t('keys', { value });
        case 'nodes':
          return t('nodes', { value });
        case 'pods':
          return t('pods', { value });
        case 'connections':
          return t('connections', { value });
        case 'units/h':
          return t('unitsPerHour', { value });
        default:
          return fmt.quantity(value, unit);
      }
    },
    [t, fmt],
  );
}
