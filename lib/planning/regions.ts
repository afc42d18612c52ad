// The plan's points of presence and the cloud regions that serve them.
export const REGIONS = ['paris', 'frankfurt', 'london', 'madrid', 'rome', 'amsterdam'] as const;
export type TRegion = (typeof REGIONS)[number];

/**
 * AWS has no region in Rome or Amsterdam: Rome is served from Milan (eu-south-1) and Amsterdam
 * from Ireland (eu-west-1). GCP has Milan (europe-west8) and Eemshaven, NL (europe-west4).
 */
export const AWS_REGION: Record<TRegion, string> = {
  paris: 'eu-west-3',
  frankfurt: 'eu-central-1',
  london: 'eu-west-2',
  madrid: 'eu-south-2',
  rome: 'eu-south-1',
  amsterdam: 'eu-west-1',
};

export const GCP_REGION: Record<TRegion, string> = {
  paris: 'europe-west9',
  frankfurt: 'europe-west3',
  london: 'europe-west2',
  madrid: 'europe-southwest1',
  rome: 'europe-west8',
  amsterdam: 'europe-west4',
};

/** Catalogue regions used when a region has no price of its own (the most common EU price). */
export const AWS_FALLBACK_REGION = 'eu-central-1';
export const GCP_FALLBACK_REGION = 'europe-west3';
