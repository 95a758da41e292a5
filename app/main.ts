import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { systemClock } from './clock';
import { startService } from './start-service';

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
  if (config.isLocalMode && !config.intakeSecret) {
    log.info(
      { file: `${config.dataDir}/dev-intake-secret` },
      'local mode: intake secret generated (unsigned requests accepted from loopback only)',
    );
    process.stdout.write(
      `\nReferral Desk is running at ${service.url}\nLocal intake secret: ${service.intakeSecret}\n\n`,
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    service.stop().then(
      () => process.exit(0),
      (error) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(
    `Referral Desk failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
