import type { ReferralEvent } from '../core/events';
import type { FitHint } from '../core/fit-hint';
import type { SyncState } from '../core/sources';
import type { Person, Referral } from '../core/referral';
import type { ReferralSummary } from '../core/referral-summary';
import type { FieldError, StateConflict } from '../core/result';
import type { ResponseStats } from '../core/stats';
import type { Page } from '../core/page';
import type { ChannelSettings } from '../core/routing';
import type { MessageKey, MessageParams } from '../i18n/catalogue';
import type { ListName, TransitionVerb } from './card-actions';
import type { IntegrationStatusView } from './integration-status-card';
import type { PipelineLink } from './pipeline-link';
import type { CardJson } from './render';
import type { SettingsTeam } from './settings-card';
import type { StatsDetails } from './stats-card';
import type { ViewContext } from './view-context';

/** What happened just now, shown at the top of the card the clicker gets back. */
export type ReferralNotice =
  | { kind: 'success'; verb: TransitionVerb; warnings: string[] }
  | { kind: 'conflict'; conflict: StateConflict };

export interface ReferralCardExtras {
  notice?: ReferralNotice;
  /** The form to show open, with what the person typed and what is wrong with it. */
  form?: { verb: TransitionVerb; values: Record<string, string>; errors: FieldError[] };
  /** The referral's events, oldest first, for the history every card shows (none when absent). */
  history?: ReferralEvent[];
  /** The team's members, to choose an owner from; without them the card offers no Assign. */
  assignees?: readonly Person[];
  sync?: SyncState;
  /** How the team answered similar referrals (core/fit-hint.ts); shown while the referral is New. */
  fitHint?: FitHint;
  /** The Teams app and the card's channel, for "Open in pipeline"; absent in local mode (no Teams app). */
  pipeline?: PipelineLink;
}

/** A page of referrals a list card shows, and what to ask for to get the next one. */
export interface ListRequest {
  list: ListName;
  /** For `archived`: won, lost, declined or expired (in either language). */
  filter?: string;
  /** Only co-sell referrals (`inbox co-sell`). */
  coSell?: boolean;
  page: number;
}

/** The cards and texts the bot answers with, in the viewer's language and time zone. */
export interface CardViews {
  help(view: ViewContext, unknownCommand?: string): CardJson;
  list(view: ViewContext, request: ListRequest, page: Page<ReferralSummary>): CardJson;
  referral(view: ViewContext, referral: Referral, extras?: ReferralCardExtras): CardJson;
  settings(
    view: ViewContext,
    settings: ChannelSettings | undefined,
    form?: { values: Record<string, string>; errors: FieldError[] },
    notice?: 'saved',
    team?: SettingsTeam,
  ): CardJson;
  stats(
    view: ViewContext,
    stats: ResponseStats,
    period: { from: Date; to: Date },
    details?: StatsDetails,
  ): CardJson;
  /** The Partner Center integration's state; undefined: it is off. */
  integrationStatus(view: ViewContext, status: IntegrationStatusView | undefined): CardJson;
  text(view: ViewContext, key: MessageKey, params?: MessageParams): string;
}
