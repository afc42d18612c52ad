// An editor changes a catalogue price; the change (old and new values, who, when, why) is kept.
import { z } from 'zod';
import { prisma } from '../db';
import { AppError } from '../errors';
import { toPriceItem } from '../queries/list-prices';
import { normalizeDecimal as trimDecimal } from '../money/decimal';
import type { TPriceItem } from '../planning/price-catalogue';
import { auditTx, json, type TScenarioActor } from './scenario-row';
import { ZIsoDay } from './scenario-schema';

export const ZPricePatch = z
  .object({
    unitPrice: z.string().trim().regex(/^\d+(\.\d{1,12})?$/, 'must be a non-negative decimal string with at most 12 decimals, e.g. "0.112"').optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').optional(),
    effectiveDate: ZIsoDay.optional(),
    source: z.string().trim().min(1, 'must say where the price comes from').max(2000).optional(),
    estimate: z.boolean().optional(),
    note: z.string().max(500).optional(),
  })
  .refine((p) => ['unitPrice', 'currency', 'effectiveDate', 'source', 'estimate'].some((k) => p[k as keyof typeof p] !== undefined), { message: 'nothing to change' });
export type TPricePatch = z.infer<typeof ZPricePatch>;

/** "000.1200" → "0.12", as numeric(30,12) gives it back. */
export function normalisePrice(v: string): string {
  const [int, frac = ''] = v.split('.');
  return trimDecimal(`${int.replace(/^0+(?=\d)/, '')}${frac ? `.${frac}` : ''}`);
}

const FIELDS = ['unitPrice', 'currency', 'effectiveDate', 'source', 'estimate'] as const;

export async function updatePrice(id: string, patch: TPricePatch, actor: TScenarioActor): Promise<TPriceItem> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.priceItem.findUnique({ where: { id } });
    if (!row) throw new AppError('NOT_FOUND', `no price item ${id}`);
    const before = toPriceItem(row);
    const old: Record<string, unknown> = {};
    const next: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const v = patch[f];
      if (v === undefined) continue;
      const normalised = f === 'unitPrice' ? normalisePrice(v as string) : v;
      if (normalised !== before[f]) {
        old[f] = before[f];
        next[f] = normalised;
      }
    }
    if (Object.keys(next).length === 0) return before;
    const label = actor.label ?? actor.id ?? actor.type;
    const updated = await tx.priceItem.update({
      where: { id },
      data: {
        ...(next.unitPrice !== undefined ? { unitPrice: next.unitPrice as string } : {}),
        ...(next.currency !== undefined ? { currency: next.currency as string } : {}),
        ...(next.effectiveDate !== undefined ? { effectiveDate: new Date(`${next.effectiveDate}T00:00:00Z`) } : {}),
        ...(next.source !== undefined ? { source: next.source as string } : {}),
        ...(next.estimate !== undefined ? { estimate: next.estimate as boolean } : {}),
        updatedBy: label,
        updatedAt: new Date(),
      },
    });
    await tx.priceItemHistory.create({ data: { priceItemId: id, changedBy: label, old: json(old), new: json(next), note: patch.note ?? null } });
    await auditTx(tx, actor, 'price.update', { type: 'price_item', id }, { old, new: next, ...(patch.note ? { note: patch.note } : {}) });
    return toPriceItem(updated);
  });
}
