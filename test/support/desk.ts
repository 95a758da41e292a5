import type { RunningService } from '../../app/start-service';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { startConnectorPeer, type ConnectorPeer } from './connector-peer';
import { startTestService } from './service';
import type { TestStore } from './store';
import { DANA, teamsClient, type Channel, type Person, type TeamsClient } from './teams-client';

/** What the bot answered a typed command with: its card, or its text. */
export type Answer = { card: Record<string, unknown>; text?: undefined } | { text: string; card?: undefined };

/** One service as a spec drives it from Teams' side, with everything it sends landing in `peer`. */
export interface Desk {
  service: RunningService;
  peer: ConnectorPeer;
  teams: TeamsClient;
  /**
   * Types `text` to the bot (`@Referral Desk <text>` in a channel, General unless told, or in a personal chat)
   * and waits for what it answers.
   */
  command(
    text: string,
    options?: { where?: 'channel' | 'personal'; channel?: Channel; from?: Person; locale?: string },
  ): Promise<Answer>;
  stop(): Promise<void>;
}

/**
 * A desk of a spec's own: the service in local mode on a fresh database of `store`, a connector peer nobody else
 * posts to, and a Teams client. The bot is installed nowhere yet (`desk.teams.installInTeam()`).
 */
export async function startDesk(
  store: TestStore,
  options: { clock?: Clock; env?: Record<string, string>; database?: string; log?: Logger } = {},
): Promise<Desk> {
  const peer = await startConnectorPeer();
  const service = await startTestService(store.uri, { local: true, ...options }).catch(
    async (error: unknown) => {
      await peer.close();
      throw error;
    },
  );
  const teams = teamsClient(service.url, peer.url);
  return {
    service,
    peer,
    teams,
    async command(text, { where = 'channel', channel, from = DANA, locale } = {}) {
      const [replies, messages] = [peer.replies.length, peer.messages.length];
      const reply =
        where === 'channel'
          ? await teams.sayInChannel(from, text, locale, channel)
          : await teams.sayInPersonalChat(from, text, locale);
      if (reply.status !== 200) throw new Error(`/api/messages answered ${reply.status} to "${text}"`);
      await peer.waitFor(() => peer.replies.length > replies || peer.messages.length > messages);
      const { activity } = (peer.replies[replies] ?? peer.messages[messages])!;
      const attachments = (activity['attachments'] ?? []) as { content?: Record<string, unknown> }[];
      const card = attachments[0]?.content;
      return card ? { card } : { text: String(activity['text'] ?? '') };
    },
    async stop() {
      await service.stop();
      await peer.close();
    },
  };
}
