import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../app/config';
import { createLogger, type Logger } from '../../platform/logger';
import type { Clock } from '../../platform/clock';
import { startService, type RunningService } from '../../app/start-service';
import { TENANT_ID } from './teams-client';
import { freshDatabase } from './store';

export const TEST_INTAKE_SECRET = 'test-intake-secret-0123456789abcdef0123456789';

/** A log that keeps its lines, so tests can assert what was (and was not) logged. */
export function memoryLogger(): { log: Logger; lines: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return {
    log: createLogger('debug', sink),
    lines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/**
 * The whole service on a free port against `storeUri`, in production mode (signed intake) unless `local`, on a
 * fresh database unless `database` names one (two services on one database play two instances).
 */
export async function startTestService(
  storeUri: string,
  options: {
    local?: boolean;
    clock?: Clock;
    env?: Record<string, string>;
    database?: string;
    /** Where the service logs; a spec that asserts what was logged passes `memoryLogger().log`. */
    log?: Logger;
  } = {},
): Promise<RunningService> {
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    MONGODB_URI: storeUri,
    MONGODB_DATABASE: options.database ?? freshDatabase(),
    STORE_TIMEOUT_MS: '1500',
    // Tests drive the scheduler's ticks themselves, on their own clock.
    SCHEDULER: 'off',
    DATA_DIR: await mkdtemp(join(tmpdir(), 'rd-data-')),
    ...(options.local
      ? {}
      : {
          MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
          MicrosoftAppPassword: 'test',
          ALLOWED_TENANT_IDS: TENANT_ID,
          INTAKE_SECRET: TEST_INTAKE_SECRET,
        }),
    ...options.env,
  };
  const log = options.log ?? memoryLogger().log;
  return startService(loadConfig(env), log, options.clock ?? (() => new Date()));
}
