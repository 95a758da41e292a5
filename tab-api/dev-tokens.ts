import { decodeJwt, generateKeyPair, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import type { Clock } from '../platform/clock';
import type { People } from '../services/people';
import type { Conversations } from '../storage/conversations';

/** Local mode's stand-in for Entra ID: who signs the tab's tokens when it is opened in a plain browser. */
export const DEV_ISSUER = 'referral-desk-dev';
const DEV_AUDIENCE = 'referral-desk-tab';
const DEV_TOKEN_SECONDS = 3600;

export interface DevPerson {
  aadObjectId: string;
  name: string;
  tenantId?: string;
}

export interface DevTokens {
  /** A token for `person`, an hour long. */
  sign(person: DevPerson): Promise<{ token: string; expiresAt: Date }>;
  /** The person a dev token names, once its signature, issuer, audience and expiry hold; throws otherwise. */
  verify(token: string): Promise<DevPerson>;
}

/** Whether `token` says it is a dev token (unverified: only to choose how to check it). */
export function isDevToken(token: string): boolean {
  try {
    return decodeJwt(token).iss === DEV_ISSUER;
  } catch {
    return false;
  }
}

/** A key pair made now, kept in memory only: a restart makes every dev token void. */
export async function createDevTokens(clock: Clock): Promise<DevTokens> {
  const { privateKey, publicKey }: { privateKey: CryptoKey; publicKey: CryptoKey } =
    await generateKeyPair('ES256');
  return {
    async sign(person) {
      const now = Math.floor(clock().getTime() / 1000);
      const token = await new SignJWT({
        oid: person.aadObjectId,
        name: person.name,
        ...(person.tenantId ? { tid: person.tenantId } : {}),
      })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(person.aadObjectId)
        .setIssuedAt(now)
        .setExpirationTime(now + DEV_TOKEN_SECONDS)
        .sign(privateKey);
      return { token, expiresAt: new Date((now + DEV_TOKEN_SECONDS) * 1000) };
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        algorithms: ['ES256'],
        currentDate: clock(),
        requiredClaims: ['exp', 'oid'],
      });
      return {
        aadObjectId: String(payload['oid']),
        name: typeof payload['name'] === 'string' ? payload['name'] : String(payload['oid']),
        ...(typeof payload['tid'] === 'string' ? { tenantId: payload['tid'] } : {}),
      };
    },
  };
}

/**
 * The people local mode offers to sign in as: the members of every team the bot is installed in, as their
 * rosters say. With the Agents Playground these are its people (.m365agentsplayground.yml), which the bot read
 * from the Playground's mock connector when it was installed there.
 */
export async function devPeople(deps: {
  conversations: Pick<Conversations, 'listChannels'>;
  people: Pick<People, 'membersOf'>;
}): Promise<DevPerson[]> {
  const teams = new Map<string, string | undefined>();
  for (const channel of await deps.conversations.listChannels())
    if (channel.teamId) teams.set(channel.teamId, channel.tenantId);
  const found = new Map<string, DevPerson>();
  for (const [teamId, tenantId] of teams)
    for (const member of await deps.people.membersOf(teamId))
      if (!found.has(member.aadObjectId))
        found.set(member.aadObjectId, {
          aadObjectId: member.aadObjectId,
          name: member.name,
          ...(tenantId ? { tenantId } : {}),
        });
  return [...found.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.aadObjectId.localeCompare(b.aadObjectId),
  );
}
