import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Collection, Db } from 'mongodb';

/**
 * Partner Center's sign-in, one document: the newest refresh token Entra ID handed out (it rotates with every
 * use, and the configured one dies 90 days after it was issued, so the newest must survive a restart), encrypted
 * at rest with AES-256-GCM under PARTNER_CENTER_TOKEN_KEY; and when sign-in last worked. See
 * docs/partner-center.md, "Sign-in and tokens".
 */
export interface PartnerCenterSignIn {
  /**
   * The refresh token to sign in with: the newest one stored, if it descends from `configured` (the one in the
   * settings); else `configured`, since an operator who sets a new token means it. A stored one this key cannot
   * decrypt (the key changed) is passed over for the configured one too.
   */
  refreshTokenFor(configured: string): Promise<string>;
  /** Keeps a rotated refresh token (replacing the previous one) and the time sign-in worked. */
  saveRotated(refreshToken: string, configured: string, at: Date): Promise<void>;
  /** When sign-in last worked, on any instance. */
  lastSignedInAt(): Promise<Date | undefined>;
}

interface SignInDoc {
  _id: 'partner-center';
  /** base64 of iv (12 bytes) | auth tag (16 bytes) | ciphertext. */
  sealedRefreshToken: string;
  /** SHA-256 of the configured token the stored one descends from (no secret: a hash of one). */
  configuredHash: string;
  signedInAt: Date;
}

export const PARTNER_CENTER_SIGN_IN = 'partner_center_sign_in';
const ID = 'partner-center' as const;

/** `key` is 32 bytes (AES-256). */
export function partnerCenterSignIn(db: Db, key: Buffer): PartnerCenterSignIn {
  if (key.length !== 32) throw new Error('the Partner Center token key must be 32 bytes');
  const docs: Collection<SignInDoc> = db.collection<SignInDoc>(PARTNER_CENTER_SIGN_IN);
  return {
    async refreshTokenFor(configured) {
      const doc = await docs.findOne({ _id: ID });
      if (!doc || doc.configuredHash !== hashOf(configured)) return configured;
      return unseal(key, doc.sealedRefreshToken) ?? configured;
    },
    async saveRotated(refreshToken, configured, at) {
      // One document, replaced whole: the newest token wins. Two instances rotating at once each store a token
      // Entra ID issued and has not revoked (rotation does not revoke the old one), so either is good.
      await docs.replaceOne(
        { _id: ID },
        { sealedRefreshToken: seal(key, refreshToken), configuredHash: hashOf(configured), signedInAt: at },
        { upsert: true },
      );
    },
    async lastSignedInAt() {
      return (await docs.findOne({ _id: ID }, { projection: { signedInAt: 1 } }))?.signedInAt;
    },
  };
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

function seal(key: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

function unseal(key: Buffer, sealed: string): string | undefined {
  const bytes = Buffer.from(sealed, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    // Another key (or a damaged document): unreadable, so the configured token is used instead.
    return undefined;
  }
}
