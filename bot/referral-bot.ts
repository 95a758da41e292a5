import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import { parseActionData } from '../cards/card-actions';
import { inertMarkdown } from '../cards/inert-text';
import { localeFrom } from '../i18n/catalogue';
import { isStoreUnavailableError } from '../storage/mongo';
import type { BotDeps } from './bot-deps';
import { handleAction, type ActionReply } from './card-actions';
import { COMMANDS, parseCommand } from './commands';
import type { Turn } from './turn';
import { actorOf, conversationOf } from './turn-info';

/**
 * The Teams edge: turns activities into commands and card actions, and remembers where it is installed.
 * Every botbuilder type stays in bot/; handlers get a `Turn`.
 */
export class ReferralBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      const turn = this.turnOf(context);
      try {
        await this.remember(context);
        const text = (
          TurnContext.removeRecipientMention(context.activity) ??
          context.activity.text ??
          ''
        ).trim();
        const { name, args, unknown } = parseCommand(text);
        if (unknown !== undefined && unknown !== '') await turn.sendCard(deps.views.help(turn, unknown));
        else await COMMANDS[name]({ args, turn, deps });
      } catch (error) {
        if (!isStoreUnavailableError(error)) throw error;
        this.storeUnavailable(error);
        await turn.sendText(deps.views.text(turn, 'store.unavailable'));
      }
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botWasAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      if (botWasAdded) await this.remember(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (context.activity.membersRemoved?.some((m) => m.id === context.activity.recipient.id))
        await this.forget(context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const turn = this.turnOf(context);
    const action = parseActionData(invoke.action?.verb, invoke.action?.data);
    if (!action) {
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: this.deps.views.text(turn, 'action.unknown') } as never,
      };
    }
    try {
      return toInvokeResponse(await handleAction(action, turn, this.deps));
    } catch (error) {
      if (!isStoreUnavailableError(error)) throw error;
      this.storeUnavailable(error);
      // A short text, not an error: Teams shows it where the card is, and the card stays as it was.
      return toInvokeResponse({ text: this.deps.views.text(turn, 'store.unavailable') });
    }
  }

  private storeUnavailable(error: unknown): void {
    this.deps.log.warn({ err: error }, 'store unreachable during a Teams turn; told the person to retry');
  }

  private turnOf(context: TurnContext): Turn {
    const conversation = conversationOf(context.activity, this.deps.clock());
    return {
      actor: actorOf(context.activity),
      conversationId: context.activity.conversation?.id ?? '',
      serviceUrl: context.activity.serviceUrl ?? '',
      locale: localeFrom(context.activity.locale, this.deps.display.locale),
      timeZone: this.deps.display.timeZone,
      now: this.deps.clock(),
      channelId: conversation?.kind === 'channel' ? conversation.id : undefined,
      sendCard: async (card) => {
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      },
      sendText: async (text) => {
        // Teams reads a message's text as markdown, and replies name customers: made inert like every card text.
        await context.sendActivity(MessageFactory.text(inertMarkdown(text)));
      },
    };
  }

  /** Saves where the bot is, then posts any referral that was waiting for a channel. */
  private async remember(context: TurnContext): Promise<void> {
    const conversation = conversationOf(context.activity, this.deps.clock());
    if (!conversation) return;
    const known = await this.deps.conversations.get(conversation.id);
    await this.deps.conversations.save(
      known ? { ...conversation, installedAt: known.installedAt } : conversation,
    );
    if (!known && conversation.kind === 'channel') {
      const posted = await this.deps.outbound.channelCards.postWaiting();
      if (posted > 0)
        this.deps.log.info(
          { channelId: conversation.id, posted },
          'posted referrals that were waiting for a channel',
        );
    }
  }

  private async forget(context: TurnContext): Promise<void> {
    const conversation = conversationOf(context.activity, this.deps.clock());
    if (!conversation) return;
    if (conversation.teamId) await this.deps.conversations.forgetTeam(conversation.teamId);
    else await this.deps.conversations.forget(conversation.id);
  }
}

function toInvokeResponse(reply: ActionReply): AdaptiveCardInvokeResponse {
  if ('card' in reply)
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card as never };
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: inertMarkdown(reply.text) as never,
  };
}
