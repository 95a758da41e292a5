// `npm run worker`: the scheduler on its own, beside one or more services sharing the store at MONGODB_URI.
// Notices and digests stay exactly-once however many workers and services tick at the same time.
import { systemClock } from '../platform/clock';
import { ConfigError, loadConfig } from './config';
import { createLogger } from '../platform/logger';
import { startService } from './start-service';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const worker = await startService(config, log, systemClock, 'worker');
  log.info({ cron: config.scheduler.cron }, 'scheduler worker running');
  const shutdown = () => {
    // Beyond the grace period: what closing the store may take.
    setTimeout(() => process.exit(1), config.stopGraceMs + 5_000).unref();
    worker.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Referral Desk worker failed to start: ${message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
