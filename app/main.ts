import { ConfigError, loadConfig } from './config';
import { createLogger } from '../platform/logger';
import { systemClock } from '../platform/clock';
import { startService } from './start-service';
import { startPlayground, type RunningPlayground } from './playground';
import { seedDemoReferralsOnce } from './demo/seed-demo';

// Beyond the grace period: what closing the store and the Playground may take.
const HARD_EXIT_AFTER_GRACE_MS = 5_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, "Settings".\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const service = await startService(config, log, systemClock);
  log.info({ url: service.url, localMode: config.isLocalMode }, 'referral desk is running');
  // Filled in once the Playground is up; Ctrl-C during its start stops what is running so far.
  const running: { playground?: RunningPlayground } = {};

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, graceMs: config.stopGraceMs }, 'stopping');
    // A stop step stuck past its deadline (a store that does not answer) must not keep the process alive.
    setTimeout(() => process.exit(1), config.stopGraceMs + HARD_EXIT_AFTER_GRACE_MS).unref();
    Promise.resolve(running.playground?.stop())
      .then(() => service.stop())
      .then(
        () => process.exit(0),
        (error) => {
          log.error({ err: error }, 'stop failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  if (!config.playground.enabled) {
    if (config.isLocalMode)
      process.stdout.write(`\nReferral Desk is running at ${service.url} (local mode, no Playground)\n\n`);
    return;
  }
  const playground = await startPlayground({
    botEndpoint: `${service.url}/api/messages`,
    port: config.playground.port,
    cwd: process.cwd(),
    log,
  });
  running.playground = playground;
  const seeded = await seedDemoReferralsOnce({
    baseUrl: service.url,
    secret: service.intakeSecret,
    dataDir: config.dataDir,
    clock: systemClock,
  });
  if (seeded > 0) log.info({ seeded }, 'demo referrals sent through the intake API');
  process.stdout.write(
    `\n▶ Referral Desk is ready: open ${playground.url} and pick Teams Channel › General to see the referrals` +
      ` (accept or decline one from its card; type "help" in Personal Chat; \`npm run demo:referral\` sends another).` +
      ` Ctrl-C stops everything.\n\n`,
  );
}

main().catch((error) => {
  process.stderr.write(
    `Referral Desk failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
