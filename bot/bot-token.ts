import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';

/**
 * Bot Framework tokens for the Azure Bot's app registration, for the outbound connector client; botbuilder's
 * credentials cache and renew them. Kept in bot/ because every botbuilder import stays here.
 */
export function botTokenProvider(
  appId: string,
  appPassword: string,
  tenantId?: string,
): (serviceUrl: string) => Promise<string | undefined> {
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppTenantId: tenantId,
    MicrosoftAppType: tenantId ? 'SingleTenant' : 'MultiTenant',
  });
  let credentials: Promise<{ getToken(): Promise<string> }> | undefined;
  return async () => {
    credentials ??= factory.createCredentials(
      appId,
      'https://api.botframework.com',
      `https://login.microsoftonline.com/${tenantId ?? 'botframework.com'}`,
      true,
    ) as Promise<unknown> as Promise<{ getToken(): Promise<string> }>;
    return (await credentials).getToken();
  };
}
