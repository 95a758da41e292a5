import type { Request, Response } from 'restify';
import type { BotSettings } from './adapter';
import { createAdapter } from './adapter';
import type { BotDeps } from './bot-deps';
import { messagesRoute } from './messages-route';
import { ReferralBot } from './referral-bot';

/**
 * The Teams edge: POST /api/messages, with Bot Framework authentication when the bot has an app id, serving only
 * the allowed tenants (any, when none are set).
 */
export function createBot(
  settings: BotSettings & { allowedTenantIds?: readonly string[] },
  deps: BotDeps,
): (req: Request, res: Response) => Promise<void> {
  const allowed = settings.allowedTenantIds ? new Set(settings.allowedTenantIds) : undefined;
  return messagesRoute(createAdapter(settings, deps.log), new ReferralBot(deps, allowed));
}
