import { CUSTOMER_SIZES, type CustomerSize, type IncomingReferral } from './referral';
import { ok, invalid, type Result } from './result';
import { collectErrors, country, field, flag, LIMITS, list, oneOf, text } from './validation';

/** What a channel says it wants, set with the `settings` command. An empty list claims nothing on that axis. */
export interface RoutingClaims {
  regions: string[];
  /** ISO 3166-1 alpha-2. */
  countries: string[];
  keywords: string[];
  sizes: CustomerSize[];
  /** Receives whatever no other channel claims. */
  isDefault: boolean;
}

/** A channel's routing claims, as set with the `settings` command. */
export interface ChannelSettings extends RoutingClaims {
  channelId: string;
  updatedAt: Date;
  updatedBy: { id: string; name: string };
  /** The language of the channel's cards and notices; the service's default when not chosen. */
  locale?: 'en' | 'ko';
  /** The IANA time zone the channel's cards and notices show times in; the service's default when not chosen. */
  timeZone?: string;
}

export interface RoutingCandidate {
  channelId: string;
  claims?: RoutingClaims;
}

// A country says more about who should call the customer than a region; a keyword is the finest hint.
const WEIGHT = { country: 4, region: 2, size: 1, keyword: 1 } as const;

/**
 * The channel that should own a referral: among channels whose every stated claim matches, the highest score;
 * else the default channel; else the first channel the bot was installed in (candidates come oldest first).
 * Undefined only when there is no channel at all: the referral then waits for one.
 */
export function routeReferral(
  referral: IncomingReferral,
  candidates: RoutingCandidate[],
): string | undefined {
  let best: { channelId: string; score: number } | undefined;
  for (const candidate of candidates) {
    const score = candidate.claims ? matchScore(referral, candidate.claims) : 0;
    if (score > 0 && (!best || score > best.score)) best = { channelId: candidate.channelId, score };
  }
  return (
    best?.channelId ?? candidates.find((c) => c.claims?.isDefault)?.channelId ?? candidates[0]?.channelId
  );
}

/** 0 when a stated claim does not match (or nothing is claimed); otherwise how well the referral fits. */
export function matchScore(referral: IncomingReferral, claims: RoutingClaims): number {
  const { address, size } = referral.customer;
  let score = 0;
  if (claims.countries.length > 0) {
    if (!address.country || !claims.countries.includes(address.country)) return 0;
    score += WEIGHT.country;
  }
  if (claims.regions.length > 0) {
    if (!address.region || !claims.regions.some((r) => sameText(r, address.region!))) return 0;
    score += WEIGHT.region;
  }
  if (claims.sizes.length > 0) {
    if (!size || !claims.sizes.includes(size)) return 0;
    score += WEIGHT.size;
  }
  if (claims.keywords.length > 0) {
    const haystack = searchableText(referral);
    const hits = claims.keywords.filter((k) => haystack.includes(k.toLocaleLowerCase())).length;
    if (hits === 0) return 0;
    score += hits * WEIGHT.keyword;
  }
  return score;
}

function searchableText(referral: IncomingReferral): string {
  const { requirements, notes } = referral.details;
  return [
    referral.name,
    notes ?? '',
    ...requirements.industries,
    ...requirements.products,
    ...requirements.services,
    ...requirements.solutions.map((s) => s.name),
  ]
    .join('\n')
    .toLocaleLowerCase();
}

function sameText(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
}

export interface RoutingClaimsInput {
  regions?: unknown;
  countries?: unknown;
  keywords?: unknown;
  sizes?: unknown;
  isDefault?: unknown;
}

/** Parses the settings form: comma-separated lists (as Input.Text and multi-select Input.ChoiceSet send them). */
export function parseRoutingClaims(input: RoutingClaimsInput): Result<RoutingClaims> {
  const c = collectErrors();
  const items = (raw: unknown, path: string, label: string): string[] => {
    const f = field(path, label);
    const whole = c.take(text(raw, f, LIMITS.listItem * LIMITS.listItems)) ?? '';
    const parts = whole
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .filter(isFirst);
    const checked = c.take(list(parts, f, LIMITS.listItems)) ?? [];
    return checked.map((part) => c.take(text(part, f, LIMITS.listItem))).filter(isPresent);
  };
  const countryField = field('countries', 'Countries');
  const sizeField = field('sizes', 'Customer sizes');
  const claims: RoutingClaims = {
    regions: items(input.regions, 'regions', 'Regions'),
    countries: items(input.countries, 'countries', 'Countries')
      .map((raw) => c.take(country(raw, countryField)))
      .filter(isPresent)
      .filter(isFirst),
    keywords: items(input.keywords, 'keywords', 'Keywords'),
    sizes: items(input.sizes, 'sizes', 'Customer sizes')
      .map((raw) => c.take(oneOf(raw, sizeField, CUSTOMER_SIZES)))
      .filter(isPresent)
      .filter(isFirst),
    isDefault: c.take(flag(input.isDefault, field('isDefault', 'Default channel'))) ?? false,
  };
  return c.errors.length > 0 ? invalid(c.errors) : ok(claims);
}

function isFirst<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}

function isPresent<T>(value: T | undefined): value is T {
  return value !== undefined;
}
