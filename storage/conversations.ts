import type { Db } from 'mongodb';
import { RecentReads } from './recent-reads';

/** Where the bot can speak: a Teams channel, a personal chat or a group chat it was installed in. */
export interface Conversation {
  /** Bot Framework conversation id; for a channel, the channel id itself. */
  id: string;
  kind: 'channel' | 'personal' | 'groupChat';
  serviceUrl: string;
  tenantId?: string;
  teamId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  botId: string;
  botName?: string;
  installedAt: Date;
}

export interface Conversations {
  /** Remembers (or refreshes) a conversation the bot is in. */
  save(conversation: Conversation): Promise<void>;
  get(id: string): Promise<Conversation | undefined>;
  /** Forgets every conversation of a team (uninstall) or one chat. */
  forgetTeam(teamId: string): Promise<void>;
  forget(id: string): Promise<void>;
  listChannels(): Promise<Conversation[]>;
}

type ConversationDoc = Conversation & { _id: string };
export const CONVERSATIONS = 'conversations';

export async function ensureConversationIndexes(db: Db): Promise<void> {
  await db.collection(CONVERSATIONS).createIndex({ kind: 1, teamId: 1 }, { name: 'kind_team' });
}

/**
 * How long a conversation read is reused: every card drawn needs its channel's, and every call of the tab's the
 * list of channels (which teams a person's referrals may be in, and the channels' names).
 */
const CONVERSATION_READS_KEPT_MS = 5_000;
const CHANNELS = 'channels';

export function conversations(db: Db): Conversations {
  const collection = db.collection<ConversationDoc>(CONVERSATIONS);
  const recent = new RecentReads<Conversation>({ maxAgeMs: CONVERSATION_READS_KEPT_MS });
  const channelLists = new RecentReads<Conversation[]>({ maxAgeMs: CONVERSATION_READS_KEPT_MS });
  const written = () => channelLists.forget(() => true);
  return {
    async save(conversation) {
      // Last writer wins, and every writer writes the whole truth Teams just told it: no race to arbitrate.
      await collection.replaceOne({ _id: conversation.id }, conversation, { upsert: true });
      recent.set(conversation.id, conversation);
      written();
    },
    get: (id) =>
      recent.get(id, async () => {
        const doc = await collection.findOne({ _id: id });
        return doc ? strip(doc) : undefined;
      }),
    async forgetTeam(teamId) {
      await collection.deleteMany({ teamId });
      recent.forget((_id, conversation) => conversation?.teamId === teamId);
      written();
    },
    async forget(id) {
      await collection.deleteOne({ _id: id });
      recent.forget((key) => key === id);
      written();
    },
    async listChannels() {
      const channels = await channelLists.get(CHANNELS, async () =>
        (await collection.find({ kind: 'channel' }).sort({ installedAt: 1 }).toArray()).map(strip),
      );
      return channels ?? [];
    },
  };
}

function strip({ _id: _ignored, ...conversation }: ConversationDoc): Conversation {
  return conversation;
}
