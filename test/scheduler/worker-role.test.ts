import { loadConfig } from '../../app/config';
import { startService } from '../../app/start-service';
import { postReferral } from '../support/intake';
import { memoryLogger, startTestService } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';
import { until } from '../support/until';
import { sampleReferralJson } from '../support/sample-referral';

const NOW = new Date('2026-11-25T01:00:00Z');

describe('the scheduler as a separate worker (`npm run worker`)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore();
  });
  afterAll(async () => {
    await store?.stop();
  });

  it('ticks on its own schedule against the shared store, with no HTTP', async () => {
    let now = new Date(NOW.getTime() - 30 * 3600_000);
    const service = await startTestService(store.uri, { local: true, database: 'worker', clock: () => now });
    const { id } = await postReferral(service, sampleReferralJson('worker-1'));
    now = NOW;
    const { log } = memoryLogger();
    const config = loadConfig({
      MONGODB_URI: store.uri,
      MONGODB_DATABASE: 'worker',
      SCHEDULER: 'off', // the worker runs its scheduler whatever this says
      SCHEDULER_CRON: '* * * * * *',
      DATA_DIR: '/nonexistent',
    });
    const worker = await startService(config, log, () => NOW, 'worker');
    try {
      expect(worker.url).toBe('');
      const notices = service.store.db.collection('scheduled_notices');
      // The worker, ticking every second on its own, decides the 24 h reminder.
      await until(
        async () => Boolean(await notices.findOne({ _id: `notice:reminder:${id}` as never })),
        true,
        15_000,
      );
    } finally {
      await worker.stop();
      await service.stop();
    }
  });

  it('refuses to start on the embedded store, saying why', async () => {
    const config = loadConfig({ DATA_DIR: '/nonexistent' });
    await expect(startService(config, memoryLogger().log, () => NOW, 'worker')).rejects.toThrow(
      /MONGODB_URI/,
    );
  });
});
