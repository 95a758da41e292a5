import { ConfigError, loadConfig } from '../../app/config';

describe('loadConfig', () => {
  it('runs in local mode with safe defaults when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({
      isLocalMode: true,
      host: '127.0.0.1',
      port: 3978,
      logLevel: 'info',
      dataDir: 'data',
      mongodbDatabase: 'referral-desk',
      mongodbUri: undefined,
      intakeSecret: undefined,
    });
  });

  it('switches to production mode with Azure Bot credentials and listens on all interfaces', () => {
    const config = loadConfig({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'pw',
      INTAKE_SECRET: 'x'.repeat(32),
      ALLOWED_TENANT_IDS: 'tenant-a, tenant-b',
    });
    expect(config).toMatchObject({
      isLocalMode: false,
      host: '0.0.0.0',
      bot: { appId: 'app', appType: 'MultiTenant', allowedTenantIds: ['tenant-a', 'tenant-b'] },
    });
  });

  it('serves only the tenants allowed: required for a multi-tenant bot, its own for a single-tenant one', () => {
    const production = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', INTAKE_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(production)).toThrow(/ALLOWED_TENANT_IDS is required for a MultiTenant bot/);
    const single = loadConfig({
      ...production,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant-own',
    });
    expect(single.bot.allowedTenantIds).toEqual(['tenant-own']);
    // Local mode (the Agents Playground) serves any tenant unless told otherwise.
    expect(loadConfig({}).bot.allowedTenantIds).toBeUndefined();
  });

  it('checks the tab’s tokens for the bot’s app against Entra ID’s host, or one the settings name', () => {
    const production = {
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'pw',
      INTAKE_SECRET: 'x'.repeat(32),
      ALLOWED_TENANT_IDS: 'tenant-a',
    };
    expect(loadConfig(production).tab).toEqual({
      appId: 'app',
      authorityHost: 'https://login.microsoftonline.com',
    });
    // Local mode takes dev tokens only, unless told which app Entra's tokens are for.
    expect(loadConfig({}).tab.appId).toBeUndefined();
    expect(
      loadConfig({ TAB_APP_ID: 'local-app', ENTRA_AUTHORITY_HOST: 'http://127.0.0.1:4444/' }).tab,
    ).toEqual({ appId: 'local-app', authorityHost: 'http://127.0.0.1:4444' });
    expect(() => loadConfig({ ENTRA_AUTHORITY_HOST: 'http://login.example' })).toThrow(
      /ENTRA_AUTHORITY_HOST must be an https URL/,
    );
    expect(() => loadConfig({ ...production, TAB_APP_ID: 'other' })).toThrow(/TAB_APP_ID must be unset/);
  });

  it('takes PARTNER_CENTER_TOKEN_KEY as 32 bytes in hex or base64, required in production with the integration on', () => {
    const integration = {
      PARTNER_CENTER_CLIENT_ID: 'pc-app',
      PARTNER_CENTER_TENANT_ID: 'pc-tenant',
      PARTNER_CENTER_REFRESH_TOKEN: 'pc-refresh',
    };
    const production = {
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'pw',
      INTAKE_SECRET: 'x'.repeat(32),
      ALLOWED_TENANT_IDS: 'tenant-a',
      ...integration,
    };
    expect(() => loadConfig(production)).toThrow(/PARTNER_CENTER_TOKEN_KEY is required in production mode/);
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ ...production, PARTNER_CENTER_TOKEN_KEY: hex }).partnerCenter?.tokenKey).toEqual(
      Buffer.from(hex, 'hex'),
    );
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ...production, PARTNER_CENTER_TOKEN_KEY: base64 }).partnerCenter?.tokenKey).toEqual(
      Buffer.alloc(32, 7),
    );
    expect(() => loadConfig({ ...production, PARTNER_CENTER_TOKEN_KEY: 'too-short' })).toThrow(
      /PARTNER_CENTER_TOKEN_KEY must be 32 bytes/,
    );
    // Local mode keeps a generated key under DATA_DIR instead.
    expect(loadConfig(integration).partnerCenter?.tokenKey).toBeUndefined();
  });

  it('gives the embedded store a few connections and MongoDB the driver’s default, unless STORE_POOL_SIZE says', () => {
    expect(loadConfig({}).storePoolSize).toBe(4);
    expect(loadConfig({ MONGODB_URI: 'mongodb://db.example:27017' }).storePoolSize).toBeUndefined();
    expect(
      loadConfig({ MONGODB_URI: 'mongodb://db.example:27017', STORE_POOL_SIZE: '8' }).storePoolSize,
    ).toBe(8);
    expect(() => loadConfig({ STORE_POOL_SIZE: 'many' })).toThrow(/STORE_POOL_SIZE/);
  });

  it('names every bad setting at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        MONGODB_URI: 'postgres://x',
        INTAKE_SECRET: 'short',
        MicrosoftAppId: 'app',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'MicrosoftAppPassword is required when MicrosoftAppId is set',
      'ALLOWED_TENANT_IDS is required for a MultiTenant bot: the tenants (comma-separated ids) it may serve',
      'MONGODB_URI must start with mongodb:// or mongodb+srv://',
      'INTAKE_SECRET must be at least 32 characters (use e.g. `openssl rand -hex 32`)',
      'PORT must be a whole number from 0 to 65535 (got "eighty")',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace (got "loud")',
    ]);
  });

  it('requires a tenant for single-tenant bots and an intake secret in production', () => {
    expect(() =>
      loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' }),
    ).toThrow(
      /MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant[\s\S]*INTAKE_SECRET is required in production mode/,
    );
  });
});
