// Cloud region codes as places a person recognises ("eu-west-3" → Paris, "europe-west1" →
// Belgique), for AWS, Google Cloud and MongoDB Atlas codes (Atlas writes AWS's as EU_WEST_3 and
// has its own names for some Google ones). A region is named by its city, or by its country where
// the provider names no city (AWS's Ireland, Google's Belgium); countries come from
// Intl.DisplayNames, so they read in the page's language. Unknown codes have no place: shown as-is.

type TPlace = { city?: string; cityFr?: string; country: string };

const c = (country: string, city?: string, cityFr?: string): TPlace => ({ country, city, cityFr });

const AWS: Record<string, TPlace> = {
  'us-east-1': c('US', 'N. Virginia', 'Virginie du Nord'),
  'us-east-2': c('US', 'Ohio'),
  'us-west-1': c('US', 'N. California', 'Californie du Nord'),
  'us-west-2': c('US', 'Oregon'),
  'af-south-1': c('ZA', 'Cape Town', 'Le Cap'),
  'ap-east-1': c('HK'),
  'ap-south-1': c('IN', 'Mumbai', 'Bombay'),
  'ap-south-2': c('IN', 'Hyderabad'),
  'ap-southeast-1': c('SG'),
  'ap-southeast-2': c('AU', 'Sydney'),
  'ap-southeast-3': c('ID', 'Jakarta'),
  'ap-southeast-4': c('AU', 'Melbourne'),
  'ap-northeast-1': c('JP', 'Tokyo'),
  'ap-northeast-2': c('KR', 'Seoul', 'Séoul'),
  'ap-northeast-3': c('JP', 'Osaka'),
  'ca-central-1': c('CA'),
  'ca-west-1': c('CA', 'Calgary'),
  'eu-central-1': c('DE', 'Frankfurt', 'Francfort'),
  'eu-central-2': c('CH', 'Zurich'),
  'eu-west-1': c('IE'),
  'eu-west-2': c('GB', 'London', 'Londres'),
  'eu-west-3': c('FR', 'Paris'),
  'eu-south-1': c('IT', 'Milan'),
  'eu-south-2': c('ES'),
  'eu-north-1': c('SE', 'Stockholm'),
  'il-central-1': c('IL', 'Tel Aviv'),
  'me-south-1': c('BH'),
  'me-central-1': c('AE'),
  'sa-east-1': c('BR', 'São Paulo'),
};

const GCP: Record<string, TPlace> = {
  'europe-west1': c('BE'),
  'europe-west2': c('GB', 'London', 'Londres'),
  'europe-west3': c('DE', 'Frankfurt', 'Francfort'),
  'europe-west4': c('NL'),
  'europe-west6': c('CH', 'Zurich'),
  'europe-west8': c('IT', 'Milan'),
  'europe-west9': c('FR', 'Paris'),
  'europe-west10': c('DE', 'Berlin'),
  'europe-west12': c('IT', 'Turin'),
  'europe-central2': c('PL', 'Warsaw', 'Varsovie'),
  'europe-north1': c('FI'),
  'europe-southwest1': c('ES', 'Madrid'),
  'us-central1': c('US', 'Iowa'),
  'us-east1': c('US', 'South Carolina', 'Caroline du Sud'),
  'us-east4': c('US', 'N. Virginia', 'Virginie du Nord'),
  'us-west1': c('US', 'Oregon'),
  'us-west2': c('US', 'Los Angeles'),
  'asia-east1': c('TW'),
  'asia-northeast1': c('JP', 'Tokyo'),
  'asia-southeast1': c('SG'),
  'australia-southeast1': c('AU', 'Sydney'),
  'northamerica-northeast1': c('CA', 'Montréal'),
  'southamerica-east1': c('BR', 'São Paulo'),
};

// Atlas's own names for Google Cloud regions (its AWS ones are AWS's codes in capitals).
const ATLAS_GCP: Record<string, string> = {
  WESTERN_EUROPE: 'europe-west1',
  EUROPE_WEST_2: 'europe-west2',
  EUROPE_WEST_3: 'europe-west3',
  EUROPE_WEST_4: 'europe-west4',
  EUROPE_WEST_6: 'europe-west6',
  EUROPE_WEST_8: 'europe-west8',
  EUROPE_WEST_9: 'europe-west9',
  EUROPE_NORTH_1: 'europe-north1',
  CENTRAL_US: 'us-central1',
  EASTERN_US: 'us-east1',
};

function placeOf(code: string): TPlace | undefined {
  const plain = code.trim();
  if (AWS[plain]) return AWS[plain];
  if (GCP[plain]) return GCP[plain];
  const atlasGcp = ATLAS_GCP[plain.toUpperCase()];
  if (atlasGcp) return GCP[atlasGcp];
  // Atlas on AWS: EU_WEST_3 is eu-west-3
  if (/^[A-Z]{2}_[A-Z]+_\d+$/.test(plain)) return AWS[plain.toLowerCase().replace(/_/g, '-')];
  return undefined;
}

const countryNames = new Map<string, Intl.DisplayNames>();

function countryName(country: string, locale: string): string {
  let names = countryNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    countryNames.set(locale, names);
  }
  return names.of(country) ?? country;
}

// The place a region code stands for, in the locale's language; null for codes not known here.
export function regionPlace(code: string, locale: string): string | null {
  const place = placeOf(code);
  if (!place) return null;
  if (place.city) return locale.toLowerCase().startsWith('fr') ? (place.cityFr ?? place.city) : place.city;
  return countryName(place.country, locale);
}

// "eu-west-3 · Paris"; the code as it is when no place is known.
export function regionLabel(code: string, locale: string): string {
  const place = regionPlace(code, locale);
  return place ? `${code} · ${place}` : code;
}
