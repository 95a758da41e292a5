import cron from 'node-cron';
import { isTimeZone } from '../core/digest-schedule';
import type { BotSettings } from '../bot/adapter';
import type { PartnerCenterSettings } from '../partner-center/start-partner-center';
import { EnvReader, type Env } from './env-reader';

// Configuration is read from the environment here and nowhere else, validated, and passed down as a typed object.
// Every default lives in this file; the parts receive settings with nothing left to fill in.

export interface Config {
  /** Local mode: no Azure Bot credentials. Runs the embedded store and accepts unsigned intake from loopback. */
  isLocalMode: boolean;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Where local state lives: the embedded store's files and the generated dev secret. */
  dataDir: string;
  /** Production store. When absent, the embedded FerretDB is started. */
  mongodbUri?: string;
  mongodbDatabase: string;
  /** How long a store operation may wait for a reachable server before the request fails with 503. */
  storeTimeoutMs: number;
  /** Most store commands in flight at once (undefined: the driver's default). */
  storePoolSize?: number;
  /** How long a stop (SIGTERM) may take: in-flight work finishes or is handed back within it. */
  stopGraceMs: number;
  /** HMAC-SHA256 key for X-Referral-Signature. Absent in local mode: a dev secret is generated. */
  intakeSecret?: string;
  /** How people see times and text when their own locale is unknown (channel posts, scheduled notices). */
  display: { timeZone: string; locale: 'en' | 'ko' };
  /** Partner Center's Referrals API; absent when not configured (the integration is off). */
  partnerCenter?: PartnerCenterSettings;
  /** Local mode only: the Agents Playground (a mock Teams client) started beside the bot, and demo referrals. */
  playground: { enabled: boolean; port: number };
  /** The scheduler inside the service: reminders, warnings, expiry, flame changes, digests. */
  scheduler: { enabled: boolean; cron: string };
  bot: BotSettings & {
    /**
     * Tenants whose activities are served; any other tenant's get nothing back. Undefined serves any (local mode
     * only: production requires it for a multi-tenant bot, and a single-tenant bot serves its own tenant).
     */
    allowedTenantIds?: string[];
  };
  /** How often an instance reads what others changed in a shared MongoDB (lists, the tab); 0 turns it off. */
  directorySyncMs: number;
  /** The service's own pages (`/`, `/privacy`, `/terms`): who runs it, how to reach them, their own texts. */
  site: { publisher?: string; contact?: string; pagesDir?: string };
  /** The pipeline tab: whose Entra tokens its API takes, where their keys are read, where its pages were built. */
  tab: {
    /** The app the tab's SSO tokens are for: MicrosoftAppId, or TAB_APP_ID in local mode; absent: dev tokens only. */
    appId?: string;
    /** Entra ID's sign-in host, whose `/<tenant>/discovery/v2.0/keys` sign the tokens. */
    authorityHost: string;
    /** The built front end (`dist/tab`); absent: the project's own. */
    distDir?: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** Partner Center's defaults: its public API, Entra ID's sign-in host, and where its webhook certificates live. */
export const PARTNER_CENTER_DEFAULTS = {
  apiUrl: 'https://api.partner.microsoft.com',
  authorityHost: 'https://login.microsoftonline.com',
  pollCron: '*/10 * * * *',
  drainIntervalMs: 60_000,
  /** Where Partner Center's own sample event fetches its certificate from. */
  certificateHosts: ['3psostorageacct.blob.core.windows.net'],
  /** Where Microsoft's certificates name their issuing CAs ("CA Issuers" in Authority Information Access). */
  issuerHosts: ['www.microsoft.com', 'cacerts.digicert.com'],
  organization: 'Microsoft Corporation',
} as const;

/** Entra ID's public sign-in host, whose keys sign the tab's tokens. */
export const TAB_DEFAULTS = { authorityHost: 'https://login.microsoftonline.com' } as const;

export function loadConfig(env: Env = process.env): Config {
  const read = new EnvReader(env);
  const bot = readBot(read);
  const isLocalMode = bot.appId === undefined;
  const mongodbUri = read.text('MONGODB_URI');
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri))
    read.problem('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  const intakeSecret = read.text('INTAKE_SECRET');
  if (intakeSecret !== undefined && intakeSecret.length < 32)
    read.problem('INTAKE_SECRET must be at least 32 characters (use e.g. `openssl rand -hex 32`)');
  if (!isLocalMode && intakeSecret === undefined)
    read.problem('INTAKE_SECRET is required in production mode (MicrosoftAppId is set)');
  const config: Config = {
    isLocalMode,
    host: read.text('HOST') ?? (isLocalMode ? '127.0.0.1' : '0.0.0.0'),
    port: read.integer('PORT', 3978, 0, 65535),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    dataDir: read.text('DATA_DIR') ?? 'data',
    mongodbUri,
    mongodbDatabase: read.text('MONGODB_DATABASE') ?? 'referral-desk',
    storeTimeoutMs: read.integer('STORE_TIMEOUT_MS', 5000, 100, 120000),
    ...storePoolSize(read, mongodbUri),
    stopGraceMs: read.integer('STOP_GRACE_MS', 10_000, 0, 600_000),
    intakeSecret,
    display: readDisplay(read),
    partnerCenter: readPartnerCenter(read, isLocalMode),
    playground: {
      enabled: isLocalMode && read.oneOf('PLAYGROUND', ['on', 'off'] as const, 'on') === 'on',
      port: read.integer('PLAYGROUND_PORT', 56150, 1, 65535),
    },
    scheduler: {
      enabled: read.oneOf('SCHEDULER', ['on', 'off'] as const, 'on') === 'on',
      cron: readCron(read, 'SCHEDULER_CRON', '* * * * *'),
    },
    bot,
    // The embedded store serves one process; only a shared MongoDB has other instances to hear from.
    directorySyncMs: mongodbUri ? read.integer('DIRECTORY_SYNC_MS', 5_000, 0, 3_600_000) : 0,
    site: {
      publisher: read.text('SITE_PUBLISHER'),
      contact: read.text('SITE_CONTACT'),
      pagesDir: read.text('SITE_PAGES_DIR'),
    },
    tab: readTab(read, bot.appId),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

function readTab(read: EnvReader, appId: string | undefined): Config['tab'] {
  const tabAppId = read.text('TAB_APP_ID');
  if (appId && tabAppId && tabAppId !== appId)
    read.problem('TAB_APP_ID must be unset in production: the tab takes tokens for MicrosoftAppId');
  const chosen = appId ?? tabAppId;
  return {
    ...(chosen ? { appId: chosen } : {}),
    authorityHost: read.url('ENTRA_AUTHORITY_HOST', TAB_DEFAULTS.authorityHost),
    ...(read.text('TAB_DIST_DIR') ? { distDir: read.text('TAB_DIST_DIR') } : {}),
  };
}

function readBot(read: EnvReader): Config['bot'] {
  const appId = read.text('MicrosoftAppId');
  const appPassword = read.text('MicrosoftAppPassword');
  const appType = read.oneOf('MicrosoftAppType', APP_TYPES, 'MultiTenant');
  const tenantId = read.text('MicrosoftAppTenantId');
  if (appId && appType !== 'UserAssignedMSI' && !appPassword)
    read.problem('MicrosoftAppPassword is required when MicrosoftAppId is set');
  if (appId && appType !== 'MultiTenant' && !tenantId)
    read.problem(`MicrosoftAppTenantId is required when MicrosoftAppType is ${appType}`);
  const listed = read.list('ALLOWED_TENANT_IDS');
  if (appId && appType === 'MultiTenant' && !listed)
    read.problem(
      'ALLOWED_TENANT_IDS is required for a MultiTenant bot: the tenants (comma-separated ids) it may serve',
    );
  const allowedTenantIds = listed ?? (appId && tenantId ? [tenantId] : undefined);
  return { appId, appPassword, tenantId, appType, ...(allowedTenantIds ? { allowedTenantIds } : {}) };
}

function readDisplay(read: EnvReader): Config['display'] {
  const timeZone = read.text('DEFAULT_TIME_ZONE') ?? 'UTC';
  if (!isTimeZone(timeZone))
    read.problem(`DEFAULT_TIME_ZONE must be an IANA time zone such as Asia/Seoul (got "${timeZone}")`);
  return { timeZone, locale: read.oneOf('DEFAULT_LOCALE', ['en', 'ko'] as const, 'en') };
}

/** 32 bytes for AES-256-GCM, written as 64 hex digits or as base64. */
function readTokenKey(read: EnvReader): Buffer | undefined {
  const raw = read.text('PARTNER_CENTER_TOKEN_KEY');
  if (raw === undefined) return undefined;
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length === 32 && (/^[0-9a-f]{64}$/i.test(raw) || key.toString('base64') === raw)) return key;
  read.problem(
    'PARTNER_CENTER_TOKEN_KEY must be 32 bytes, as 64 hex digits or as base64 (got something else)',
  );
  return undefined;
}

function readCron(read: EnvReader, name: string, fallback: string): string {
  const expression = read.text(name) ?? fallback;
  if (!cron.validate(expression))
    read.problem(`${name} must be a cron expression such as "${fallback}" (got "${expression}")`);
  return expression;
}

function readPartnerCenter(read: EnvReader, isLocalMode: boolean): PartnerCenterSettings | undefined {
  const clientId = read.text('PARTNER_CENTER_CLIENT_ID');
  const tenantId = read.text('PARTNER_CENTER_TENANT_ID');
  const refreshToken = read.text('PARTNER_CENTER_REFRESH_TOKEN');
  const set = [clientId, tenantId, refreshToken].filter((v) => v !== undefined).length;
  if (set === 0) return undefined;
  if (set < 3) {
    read.problem(
      'PARTNER_CENTER_CLIENT_ID, PARTNER_CENTER_TENANT_ID and PARTNER_CENTER_REFRESH_TOKEN go together: set all three or none',
    );
    return undefined;
  }
  const defaults = PARTNER_CENTER_DEFAULTS;
  const tokenKey = readTokenKey(read);
  if (!tokenKey && !isLocalMode)
    read.problem(
      'PARTNER_CENTER_TOKEN_KEY is required in production mode with the Partner Center integration on: 32 random bytes, base64 or hex (e.g. `openssl rand -base64 32`); it encrypts the stored refresh token',
    );
  return {
    apiUrl: read.url('PARTNER_CENTER_API_URL', defaults.apiUrl),
    ...(tokenKey ? { tokenKey } : {}),
    auth: {
      clientId: clientId!,
      tenantId: tenantId!,
      refreshToken: refreshToken!,
      clientSecret: read.text('PARTNER_CENTER_CLIENT_SECRET'),
      authorityHost: read.url('PARTNER_CENTER_AUTHORITY_HOST', defaults.authorityHost),
    },
    pollCron: readCron(read, 'PARTNER_CENTER_POLL_CRON', defaults.pollCron),
    drainIntervalMs: read.integer(
      'PARTNER_CENTER_SYNC_INTERVAL_MS',
      defaults.drainIntervalMs,
      1000,
      86_400_000,
    ),
    webhook: {
      certificateHosts: read.list('PARTNER_CENTER_WEBHOOK_CERT_HOSTS') ?? [...defaults.certificateHosts],
      issuerHosts: read.list('PARTNER_CENTER_WEBHOOK_ISSUER_HOSTS') ?? [...defaults.issuerHosts],
      organization: read.text('PARTNER_CENTER_WEBHOOK_CERT_ORGANIZATION') ?? defaults.organization,
      rootsFile: read.text('PARTNER_CENTER_WEBHOOK_ROOTS_FILE'),
    },
  };
}

/**
 * FerretDB over SQLite has one writer, and each of its connections waits for it in SQLite's busy handler, which
 * sleeps and retries: a hundred connections (the driver's default) spend their time asleep. A few, with the rest
 * queued in the driver, answered a burst of 50 Accepts 2.5× faster at p99 and took intake from 48 to 78 referrals a
 * second (`npm run bench`). So the embedded store gets 4; MongoDB keeps the driver's default unless told.
 */
export const EMBEDDED_STORE_POOL_SIZE = 4;

function storePoolSize(read: EnvReader, mongodbUri: string | undefined): { storePoolSize?: number } {
  const size = read.text('STORE_POOL_SIZE')
    ? read.integer('STORE_POOL_SIZE', EMBEDDED_STORE_POOL_SIZE, 1, 1000)
    : mongodbUri
      ? undefined
      : EMBEDDED_STORE_POOL_SIZE;
  return size === undefined ? {} : { storePoolSize: size };
}
