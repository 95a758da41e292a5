import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type SearchInvokeResponse,
  type SearchInvokeValue,
} from 'botbuilder';
import { parseActionData, referralOfDataset } from '../cards/card-actions';
import { inertMarkdown } from '../cards/inert-text';
import { welcomeCard } from '../cards/owner-notice-card';
import { isTimeZone } from '../core/digest-schedule';
import { localeFrom } from '../i18n/catalogue';
import { isStoreUnavailableError } from '../storage/mongo';
import type { BotDeps } from './bot-deps';
import { handleAction, type ActionReply } from './card-actions';
import { COMMANDS, parseCommand } from './commands';
import type { Turn } from './turn';
import { mayActOn } from './scope';
import { actorOf, conversationOf, memberOf, tenantOf } from './turn-info';

/**
 * The Teams edge: turns activities into commands and card actions, and remembers where it is installed.
 * Every botbuilder type stays in bot/; handlers get a `Turn`.
 */
export class ReferralBot extends TeamsActivityHandler {
  private readonly refusedTenants = new Set<string>();

  constructor(
    private readonly deps: BotDeps,
    /** Tenants whose activities are served; undefined serves any (local mode, when none is configured). */
    private readonly allowedTenants?: ReadonlySet<string>,
  ) {
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
      await this.welcome(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botWasAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      if (botWasAdded) await this.remember(context);
      else await this.membersChanged(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (context.activity.membersRemoved?.some((m) => m.id === context.activity.recipient.id))
        await this.forget(context);
      else await this.membersChanged(context);
      await next();
    });
  }

  /**
   * An activity from a tenant not allowed gets nothing back and changes nothing; each such tenant is logged once
   * (a flood of them must not flood the log).
   */
  override async run(context: TurnContext): Promise<void> {
    const tenantId = tenantOf(context.activity);
    if (this.allowedTenants && !(tenantId && this.allowedTenants.has(tenantId))) {
      const key = tenantId ?? '(none)';
      if (!this.refusedTenants.has(key)) {
        this.refusedTenants.add(key);
        this.deps.log.warn({ tenantId: key }, 'activity from a tenant that is not allowed; ignored');
      }
      return;
    }
    await super.run(context);
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

  /**
   * Typeahead in the Assign form: the referral's team members whose name contains what was typed, for someone
   * allowed to see that referral (anyone else gets no names).
   */
  protected override async onSearchInvoke(
    context: TurnContext,
    invoke: SearchInvokeValue,
  ): Promise<SearchInvokeResponse> {
    const turn = this.turnOf(context);
    const referralId = referralOfDataset(invoke.dataset ?? '');
    const entry = referralId ? this.deps.directory.get(referralId) : undefined;
    const people =
      referralId && (await mayActOn(turn, entry, this.deps.people))
        ? await this.deps.people.assigneesFor(referralId)
        : [];
    const wanted = (invoke.queryText ?? '').trim().toLowerCase();
    // Teams shows at most 15 matches (docs/teams-platform.md, "Data.Query typeahead").
    const results = people
      .filter((person) => person.name.toLowerCase().includes(wanted))
      .slice(0, 15)
      .map((person) => ({ title: person.name, value: person.id }));
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results } as never,
    };
  }

  private storeUnavailable(error: unknown): void {
    this.deps.log.warn({ err: error }, 'store unreachable during a Teams turn; told the person to retry');
  }

  private turnOf(context: TurnContext): Turn {
    const conversation = conversationOf(context.activity, this.deps.clock());
    const tenantId = tenantOf(context.activity);
    return {
      actor: actorOf(context.activity),
      ...(tenantId ? { tenantId } : {}),
      conversationId: context.activity.conversation?.id ?? '',
      conversationKind: conversation?.kind ?? 'personal',
      serviceUrl: context.activity.serviceUrl ?? '',
      ...(conversation?.teamId ? { teamId: conversation.teamId } : {}),
      locale: localeFrom(context.activity.locale, this.deps.display.locale),
      // The person's own zone when Teams tells it (their replies are theirs); channel posts use the channel's.
      timeZone: zoneFrom(context.activity.localTimezone, this.deps.display.timeZone),
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
    if (
      conversation.kind === 'channel' &&
      conversation.teamId &&
      (!known || context.activity.type !== 'message')
    )
      await this.deps.people.installed(
        { teamId: conversation.teamId, tenantId: conversation.tenantId, serviceUrl: conversation.serviceUrl },
        memberOf(context.activity.from),
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
    if (conversation.teamId) {
      await this.deps.conversations.forgetTeam(conversation.teamId);
      await this.deps.people.forget(conversation.teamId);
    } else await this.deps.conversations.forget(conversation.id);
  }

  /** One hello in a person's personal chat when they install the app there; never a second one. */
  private async welcome(context: TurnContext): Promise<void> {
    const conversation = conversationOf(context.activity, this.deps.clock());
    if (conversation?.kind !== 'personal') return;
    const turn = this.turnOf(context);
    await this.deps.outbound.postCardOnce({
      key: `welcome:${turn.actor.id}`,
      conversationId: conversation.id,
      serviceUrl: conversation.serviceUrl,
      card: welcomeCard(turn),
      now: turn.now,
    });
  }

  /** People joined or left a team the bot is in: its roster is read again. */
  private async membersChanged(context: TurnContext): Promise<void> {
    const teamId = conversationOf(context.activity, this.deps.clock())?.teamId;
    if (teamId) await this.deps.people.membersChanged(teamId);
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

/** Teams' `localTimezone` (an IANA name from the person's device) when it is one, else the default. */
function zoneFrom(localTimezone: string | undefined, fallback: string): string {
  return localTimezone && isTimeZone(localTimezone) ? localTimezone : fallback;
}
