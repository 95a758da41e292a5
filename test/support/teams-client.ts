import { randomUUID } from 'node:crypto';

/** The people and places of a small Teams tenant, as Teams puts them into activities. */
export const TENANT_ID = 'tenant-contoso-partner';
export const TEAM = { id: '19:team-sales@thread.tacv2', name: 'Partner Sales' };
export interface Channel {
  id: string;
  name: string;
}
export const GENERAL: Channel = { id: '19:general-sales@thread.tacv2', name: 'General' };
/** Another channel of the team: Teams tells the bot about it only when someone mentions the bot there. */
export const APAC: Channel = { id: '19:apac-sales@thread.tacv2', name: 'APAC' };
export const BOT = { id: '28:referral-desk-bot', name: 'Referral Desk' };
export interface Person {
  id: string;
  aadObjectId: string;
  name: string;
}
export const DANA: Person = { id: '29:dana', aadObjectId: 'aad-dana', name: 'Dana Kim' };
export const LEE: Person = { id: '29:lee', aadObjectId: 'aad-lee', name: 'Lee Park' };

export interface InvokeReply {
  status: number;
  body: { statusCode?: number; type?: string; value?: unknown };
}

/**
 * Plays Teams' side of `/api/messages`: sends activities as Teams would, with the connector peer's URL as the
 * serviceUrl, so the bot's replies land in the peer.
 */
export function teamsClient(
  botUrl: string,
  serviceUrl: string,
  /** Another team (its General channel's id is the team's), or another tenant, than the specs' usual one. */
  place: { team?: { id: string; name: string }; tenantId?: string } = {},
) {
  const team = place.team ?? TEAM;
  const tenantId = place.tenantId ?? TENANT_ID;
  const general: Channel = place.team ? { id: place.team.id, name: 'General' } : GENERAL;
  async function send(activity: Record<string, unknown>): Promise<InvokeReply> {
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: randomUUID(),
        timestamp: new Date(0).toISOString(),
        channelId: 'msteams',
        serviceUrl,
        recipient: BOT,
        ...activity,
      }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as InvokeReply['body']) : {} };
  }

  const inChannel = (from: Person, threadId?: string, channel: Channel = general) => ({
    from,
    conversation: {
      id: threadId ?? channel.id,
      conversationType: 'channel',
      isGroup: true,
      tenantId: tenantId,
    },
    channelData: { tenant: { id: tenantId }, team, channel },
  });
  const inPersonalChat = (from: Person) => ({
    from,
    conversation: { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: tenantId },
    channelData: { tenant: { id: tenantId } },
  });

  return {
    /** The bot is added to the team: Teams says so in the General channel. */
    installInTeam: (by: Person = DANA) =>
      send({
        type: 'conversationUpdate',
        membersAdded: [BOT],
        ...inChannel(by),
        channelData: {
          tenant: { id: tenantId },
          team,
          channel: general,
          eventType: 'teamMemberAdded',
        },
      }),
    uninstallFromTeam: (by: Person = DANA) =>
      send({
        type: 'conversationUpdate',
        membersRemoved: [BOT],
        ...inChannel(by),
        channelData: {
          tenant: { id: tenantId },
          team,
          channel: general,
          eventType: 'teamMemberRemoved',
        },
      }),
    /** Someone adds the app for themselves: Teams sends an installationUpdate in their personal chat. */
    installPersonally: (by: Person = DANA) =>
      send({ type: 'installationUpdate', action: 'add', ...inPersonalChat(by) }),
    /** People join or leave the team (not the bot): Teams says so in its General channel. */
    membersChanged: (change: { added?: Person[]; removed?: Person[] }, by: Person = DANA) =>
      send({
        type: 'conversationUpdate',
        ...(change.added ? { membersAdded: change.added } : {}),
        ...(change.removed ? { membersRemoved: change.removed } : {}),
        ...inChannel(by),
        channelData: {
          tenant: { id: tenantId },
          team,
          channel: general,
          eventType: change.added ? 'teamMemberAdded' : 'teamMemberRemoved',
        },
      }),
    /** `@Referral Desk <text>` in a channel of the team, General unless told. */
    sayInChannel: (from: Person, text: string, locale = 'en-US', channel: Channel = general) =>
      send({
        type: 'message',
        text: `<at>${BOT.name}</at> ${text}`,
        entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
        locale,
        ...inChannel(from, undefined, channel),
      }),
    sayInPersonalChat: (from: Person, text: string, locale = 'en-US') =>
      send({ type: 'message', text, locale, ...inPersonalChat(from) }),
    /** A click on an Action.Execute: what Teams sends is the action's data merged with the card's inputs. */
    click: (
      from: Person,
      verb: string,
      data: Record<string, unknown>,
      options: {
        locale?: string;
        /** The clicker's zone, as Teams sends it from their device. */
        localTimezone?: string;
        where?: 'channel' | 'personal';
        threadId?: string;
        channel?: Channel;
      } = {},
    ) =>
      send({
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: options.locale ?? 'en-US',
        ...(options.localTimezone ? { localTimezone: options.localTimezone } : {}),
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        ...(options.where === 'personal'
          ? inPersonalChat(from)
          : inChannel(from, options.threadId, options.channel)),
      }),
  };
}
export type TeamsClient = ReturnType<typeof teamsClient>;

/** The Accept form as Teams sends it on submit: its inputs named `accept.<field>`, with `fields` typed over them. */
export function acceptForm(referralId: string, fields: Record<string, string> = {}): Record<string, string> {
  return {
    referralId,
    form: 'accept',
    'accept.engagementName': 'Contoso landing zone',
    'accept.value': '120000',
    'accept.currency': 'USD',
    'accept.purchaseDate': '2027-02-15',
    'accept.purchaseTimeframe': '',
    'accept.notes': 'Call booked for Thursday',
    'accept.crmId': 'CRM-4711',
    ...fields,
  };
}

/**
 * What a reader sees of a card's markdown text: the backslash escapes and invisible word joiners that make
 * outside text inert (cards/inert-text.ts) do not show, and a blank line reads as the line break it stands for.
 */
export function readAs(markdown: string): string {
  return markdown
    .replace(/\\(.)/g, '$1')
    .replace(/\u2060/g, '')
    .replace(/\n\n/g, '\n');
}

/** Every text a card shows, flattened, so a test can ask "does the card say X" without knowing its layout. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        // A choice's value is what the card sends back, never shown; its title is what people read.
        if (key === 'choices' && Array.isArray(value))
          for (const choice of value as { title?: unknown }[]) texts.push(String(choice.title ?? ''));
        else if (key === 'value' && (node as { type?: unknown }).type === 'Input.ChoiceSet') continue;
        else if (typeof value === 'string' && ['text', 'title', 'value', 'label'].includes(key))
          texts.push(readAs(value));
        else walk(value);
      }
    }
  };
  walk(card);
  return texts.join('\n');
}

/** The facts of every FactSet on a card, as title → value: what a person reads off it. */
export function cardFacts(card: unknown): Record<string, string> {
  const facts: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record['type'] === 'FactSet' && Array.isArray(record['facts']))
        for (const fact of record['facts'] as { title?: unknown; value?: unknown }[])
          facts[readAs(String(fact.title))] = readAs(String(fact.value));
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return facts;
}

/** The Action.Execute verbs a card offers. */
export function cardVerbs(card: unknown): string[] {
  const verbs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record['type'] === 'Action.Execute' && typeof record['verb'] === 'string')
        verbs.push(record['verb']);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return verbs;
}

/** Saves a channel's settings as Teams sends the form when only `claims` were filled in: every other claim empty. */
export const saveSettings = (client: TeamsClient, by: Person, claims: Record<string, string>) =>
  client.click(by, 'settings-save', {
    regions: '',
    keywords: '',
    sizes: '',
    isDefault: 'false',
    countries: '',
    ...claims,
  });
