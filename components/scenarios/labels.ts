'use client';

// Words a lead reads for the model's code names (drivers, capacity fields, coefficients, resource
// classes, regions), from the "scenarios" messages of the page's language.
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { TCoefficientId } from '@/lib/planning/coefficients';
import { NUMERIC_DRIVERS, type TDriverKey, type TNumericDriverId } from '@/lib/planning/drivers';
import type { TRegion } from '@/lib/planning/regions';
import type { TCapacity, TResourceClass } from '@/lib/planning/types';

export type TLabel = { label: string; unit: string };

export function useScenarioLabels() {
  const t = useTranslations('scenarios');
  return useMemo(() => {
    const driver = (id: TNumericDriverId | TDriverKey): TLabel => {
      const key = (NUMERIC_DRIVERS.find((d) => d.id === id)?.key ?? id) as TDriverKey;
      return { label: t(`drivers.${key}.label`), unit: t(`drivers.${key}.unit`) };
    };
    // the tier, the node types and the platform are names, without a unit
    const capacity = (field: keyof TCapacity): TLabel => {
      const unit = `capacity.${field}.unit` as never;
      return { label: t(`capacity.${field}.label`), unit: t.has(unit) ? t(unit) : '' };
    };
    const coefficient = (id: TCoefficientId): TLabel => ({ label: t(`coefficients.${id}.label`), unit: t(`coefficients.${id}.unit`) });
    return {
      driver,
      capacity,
      coefficient,
      className: (cls: TResourceClass) => t(`classes.${cls}`),
      region: (r: TRegion) => t(`regions.${r}`),
      /** A tornado or reasoning input: "drivers.peakRequestsPerSecond" or "coefficients.rpsPerPod". */
      input: (input: string): TLabel => {
        if (input.startsWith('drivers.')) return driver(input.slice('drivers.'.length) as TNumericDriverId);
        if (input.startsWith('coefficients.')) return coefficient(input.slice('coefficients.'.length) as TCoefficientId);
        return { label: input, unit: '' };
      },
    };
  }, [t]);
}
