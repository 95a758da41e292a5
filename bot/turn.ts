import type { Actor } from '../core/referral';
import type { CardJson } from '../cards/render';
import type { ViewContext } from '../cards/view-context';

/**
 * What a command or card-action handler gets: who acts, in which language, where, and the capabilities to
 * answer. Built from botbuilder's TurnContext in `referral-bot.ts`, so handlers never see botbuilder.
 */
export interface Turn extends ViewContext {
  actor: Actor;
  /** The tenant the activity came from (already checked against the allowed ones). */
  tenantId?: string;
  /** The conversation the activity came from (for a channel thread, `<channel>;messageid=<root>`). */
  conversationId: string;
  conversationKind: 'channel' | 'personal' | 'groupChat';
  serviceUrl: string;
  /** The Teams channel the activity came from, and its team; absent in personal and group chats. */
  channelId?: string;
  teamId?: string;
  /** Sends a new message with a card into the conversation (a thread reply in a channel). */
  sendCard(card: CardJson): Promise<void>;
  sendText(text: string): Promise<void>;
}
