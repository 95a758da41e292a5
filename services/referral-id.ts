import { createHash } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case: no i, l, o, u

/**
 * A referral's id, derived from where it came from, so that every delivery of the same referral competes for the
 * same event-log slot (referralId, seq 1) and exactly one of them creates it. 12 base32 characters = 60 bits:
 * short enough to type in `show <id>`, and a collision between two real referrals is checked for anyway.
 */
export function referralIdFor(source: string, externalId: string): string {
  const digest = createHash('sha256').update(`${source}\n${externalId}`).digest();
  let bits = 0;
  let value = 0;
  let id = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && id.length < 12) {
      id += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (id.length === 12) break;
    value &= (1 << bits) - 1;
  }
  return id;
}
