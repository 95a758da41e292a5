import type { RunningService } from '../../app/start-service';
import { startTestService } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';

describe('POST /api/messages in production mode', () => {
  let store: TestStore;
  let service: RunningService;

  beforeAll(async () => {
    store = await startTestStore();
    service = await startTestService(store.uri, { database: 'auth' });
  });
  afterAll(async () => {
    await service?.stop();
    await store?.stop();
  });

  it('refuses an activity without a Bot Framework token, and writes nothing', async () => {
    const res = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'inbox',
        serviceUrl: 'http://127.0.0.1:1',
        channelId: 'msteams',
        from: { id: '29:x', name: 'Mallory' },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:1', conversationType: 'personal' },
      }),
    });
    expect(res.status).toBe(401);
    expect(await service.store.db.collection('conversations').countDocuments()).toBe(0);
  });

  it('answers malformed JSON with 400 and a reason', async () => {
    const res = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('malformed-json');
  });
});
