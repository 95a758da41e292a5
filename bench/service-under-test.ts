// The real service as the accept, intake and pacing sections run it: local mode, scheduler off, installed in the
// General channel of a team whose Bot Connector is `connectorUrl`.
import { EMBEDDED_STORE_POOL_SIZE } from '../app/config';
import type { RunningService } from '../app/start-service';
import { startTestService } from '../test/support/service';
import { teamsClient } from '../test/support/teams-client';
import { progress, timed } from './support';

export async function withInstalledService<T>(
  storeUri: string,
  database: string,
  connectorUrl: string,
  use: (service: RunningService) => Promise<T>,
): Promise<T> {
  // It runs on the embedded store, so as the service runs there (app/config.ts): with the pool it gives that store,
  // and without the directory sync, which is for instances sharing a MongoDB (it reads by indexed query, and
  // FerretDB would read every referral for it every few seconds).
  const env = { STORE_POOL_SIZE: String(EMBEDDED_STORE_POOL_SIZE), DIRECTORY_SYNC_MS: '0' };
  const { ms, value: service } = await timed(() =>
    startTestService(storeUri, { local: true, database, env }),
  );
  progress(`service started on ${database} in ${(ms / 1000).toFixed(1)} s`);
  try {
    const installed = await teamsClient(service.url, connectorUrl).installInTeam();
    if (installed.status !== 200) throw new Error(`install in team: HTTP ${installed.status}`);
    await service.idle();
    return await use(service);
  } finally {
    progress('stopping the service (it finishes its paced background sends first) …');
    await service.stop();
  }
}
