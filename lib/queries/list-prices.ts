// The price catalogue as stored (editable copy of the default catalogue), for the model and the prices page.
import { prisma } from '../db';
import type { PriceItem } from '../generated/prisma/client';
import { normalizeDecimal } from '../money/decimal';
import type { TPriceCatalogue, TPriceItem } from '../planning/price-catalogue';

export type TPriceRow = TPriceItem & { updatedBy: string | null; updatedAt: string };

/** numeric(30,12) as a plain decimal string ("0.112", never "1.12e-1"). */
export function decimalText(d: { toFixed: () => string }): string {
  return normalizeDecimal(d.toFixed());
}

export function toPriceItem(row: PriceItem): TPriceItem {
  const tier = row.tier as { from: number; to: number | null } | null;
  return {
    id: row.id,
    sku: row.sku,
    provider: row.provider,
    kind: row.kind as TPriceItem['kind'],
    name: row.name,
    region: row.region,
    currency: row.currency,
    unit: row.unit,
    unitPrice: decimalText(row.unitPrice),
    effectiveDate: row.effectiveDate.toISOString().slice(0, 10),
    source: row.source,
    estimate: row.estimate,
    ...(tier ? { tier } : {}),
    ...(row.includedQuantity !== null ? { includedQuantity: row.includedQuantity } : {}),
  };
}

export async function listPriceRows(): Promise<TPriceRow[]> {
  const rows = await prisma.priceItem.findMany({ orderBy: [{ provider: 'asc' }, { kind: 'asc' }, { id: 'asc' }] });
  return rows.map((r) => ({ ...toPriceItem(r), updatedBy: r.updatedBy, updatedAt: r.updatedAt.toISOString() }));
}

export async function listPriceCatalogue(): Promise<TPriceCatalogue> {
  const rows = await prisma.priceItem.findMany({ orderBy: { id: 'asc' } });
  return rows.map(toPriceItem);
}
