import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Logger } from '../platform/logger';
import { ReusedTurnClients } from './reused-turn-clients';

/** The Azure Bot registration; no app id is local mode (the Agents Playground, no authentication). */
export interface BotSettings {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

/**
 * The Bot Framework adapter. With an app id it enforces Bot Framework JWT authentication on every request; in
 * local mode (no app id) it accepts the Agents Playground's unauthenticated requests, which is what the
 * Playground expects.
 */
export function createAdapter(bot: BotSettings, log: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId ?? '',
  };
  const adapter = new CloudAdapter(
    new ReusedTurnClients(new ConfigurationBotFrameworkAuthentication(options)),
  );
  adapter.onTurnError = async (context, error) => {
    log.error(
      { err: error, activityType: context.activity.type, conversationId: context.activity.conversation?.id },
      'bot turn failed',
    );
  };
  return adapter;
}
