import cron from 'node-cron';
import { isTimeZone } from '../core/digest-schedule';
import type { PartnerCenterSettings } from '../partner-center/start-partner-center';

// Configuration is read from the environment here and nowhere else, validated, and passed down as a typed object.

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
  /** HMAC-SHA256 key for X-Referral-Signature. Absent in local mode: a dev secret is generated. */
  intakeSecret?: string;
  /** How people see times and text when their own locale is unknown (channel posts, scheduled notices). */
  display: { timeZone: string; locale: 'en' | 'ko' };
  /** Partner Center's Referrals API; absent when not configured (the integration is off). */
  partnerCenter?: PartnerCenterSettings;
  /** Local mode only: the Agents Playground (a mock Teams client) started beside the bot, and demo referrals. */
  playground: { enabled: boolean; port: number };
  /** The scheduler inside the service: nudges, warnings, expiry, flame changes, digests. */
  scheduler: { enabled: boolean; cron: string };
  bot: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  };

  const appId = text('MicrosoftAppId');
  const appPassword = text('MicrosoftAppPassword');
  const appType = oneOf('MicrosoftAppType', APP_TYPES, 'MultiTenant');
  const tenantId = text('MicrosoftAppTenantId');
  if (appId && appType !== 'UserAssignedMSI' && !appPassword) {
    problems.push('MicrosoftAppPassword is required when MicrosoftAppId is set');
  }
  if (appId && appType !== 'MultiTenant' && !tenantId) {
    problems.push(`MicrosoftAppTenantId is required when MicrosoftAppType is ${appType}`);
  }

  const mongodbUri = text('MONGODB_URI');
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) {
    problems.push('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  }
  const intakeSecret = text('INTAKE_SECRET');
  if (intakeSecret !== undefined && intakeSecret.length < 32) {
    problems.push('INTAKE_SECRET must be at least 32 characters (use e.g. `openssl rand -hex 32`)');
  }
  const isLocalMode = appId === undefined;
  if (!isLocalMode && intakeSecret === undefined) {
    problems.push('INTAKE_SECRET is required in production mode (MicrosoftAppId is set)');
  }

  const timeZone = text('DEFAULT_TIME_ZONE') ?? 'UTC';
  if (!isTimeZone(timeZone))
    problems.push(`DEFAULT_TIME_ZONE must be an IANA time zone such as Asia/Seoul (got "${timeZone}")`);

  const schedulerCron = text('SCHEDULER_CRON') ?? '* * * * *';
  if (!cron.validate(schedulerCron))
    problems.push(`SCHEDULER_CRON must be a cron expression such as "* * * * *" (got "${schedulerCron}")`);

  const list = (name: string) =>
    text(name)
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  const pcAuth = {
    clientId: text('PARTNER_CENTER_CLIENT_ID'),
    tenantId: text('PARTNER_CENTER_TENANT_ID'),
    refreshToken: text('PARTNER_CENTER_REFRESH_TOKEN'),
  };
  const pcSet = Object.values(pcAuth).filter((v) => v !== undefined).length;
  if (pcSet > 0 && pcSet < 3)
    problems.push(
      'PARTNER_CENTER_CLIENT_ID, PARTNER_CENTER_TENANT_ID and PARTNER_CENTER_REFRESH_TOKEN go together: set all three or none',
    );
  const pollCron = text('PARTNER_CENTER_POLL_CRON');
  if (pollCron && !cron.validate(pollCron))
    problems.push(`PARTNER_CENTER_POLL_CRON is not a cron expression ("${pollCron}")`);
  const partnerCenter: PartnerCenterSettings | undefined =
    pcSet === 3
      ? {
          apiUrl: text('PARTNER_CENTER_API_URL'),
          auth: {
            clientId: pcAuth.clientId!,
            tenantId: pcAuth.tenantId!,
            refreshToken: pcAuth.refreshToken!,
            clientSecret: text('PARTNER_CENTER_CLIENT_SECRET'),
            authorityHost: text('PARTNER_CENTER_AUTHORITY_HOST'),
          },
          pollCron,
          drainIntervalMs: integer('PARTNER_CENTER_SYNC_INTERVAL_MS', 60_000, 1000, 86_400_000),
          webhook: {
            certificateHosts: list('PARTNER_CENTER_WEBHOOK_CERT_HOSTS'),
            issuerHosts: list('PARTNER_CENTER_WEBHOOK_ISSUER_HOSTS'),
            organization: text('PARTNER_CENTER_WEBHOOK_CERT_ORGANIZATION'),
            rootsFile: text('PARTNER_CENTER_WEBHOOK_ROOTS_FILE'),
          },
        }
      : undefined;

  const config: Config = {
    isLocalMode,
    host: text('HOST') ?? (isLocalMode ? '127.0.0.1' : '0.0.0.0'),
    port: integer('PORT', 3978, 0, 65535),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    dataDir: text('DATA_DIR') ?? 'data',
    mongodbUri,
    mongodbDatabase: text('MONGODB_DATABASE') ?? 'referral-desk',
    storeTimeoutMs: integer('STORE_TIMEOUT_MS', 5000, 100, 120000),
    intakeSecret,
    display: { timeZone, locale: oneOf('DEFAULT_LOCALE', ['en', 'ko'] as const, 'en') },
    partnerCenter,
    playground: {
      enabled: isLocalMode && oneOf('PLAYGROUND', ['on', 'off'] as const, 'on') === 'on',
      port: integer('PLAYGROUND_PORT', 56150, 1, 65535),
    },
    scheduler: { enabled: oneOf('SCHEDULER', ['on', 'off'] as const, 'on') === 'on', cron: schedulerCron },
    bot: { appId, appPassword, tenantId, appType },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
