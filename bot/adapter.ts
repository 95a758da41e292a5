import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Config } from '../app/config';
import type { Logger } from '../platform/logger';

/**
 * The Bot Framework adapter. With an app id it enforces Bot Framework JWT authentication on every request; in
 * local mode (no app id) it accepts the Agents Playground's unauthenticated requests, which is what the
 * Playground expects.
 */
export function createAdapter(bot: Config['bot'], log: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId ?? '',
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context, error) => {
    log.error(
      { err: error, activityType: context.activity.type, conversationId: context.activity.conversation?.id },
      'bot turn failed',
    );
  };
  return adapter;
}
