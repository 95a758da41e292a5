import {
  earliestSchedule,
  startStrictConnectorPeer,
  TEAMS_CONVERSATION_WINDOWS,
  waitForNextSendMs,
  type StrictConnectorPeer,
} from './strict-connector-peer';

const CHANNEL = '19:general-sales@thread.tacv2';

describe('the strict connector peer (Teams limits, exactly)', () => {
  let peer: StrictConnectorPeer;
  beforeEach(async () => {
    peer = await startStrictConnectorPeer();
  });
  afterEach(() => peer.close());

  const newThread = (channelId: string) =>
    fetch(`${peer.url}/v3/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelData: { channel: { id: channelId } },
        activity: { type: 'message', text: 'hi' },
      }),
    });

  it('admits 7 new threads in a channel at once and refuses the 8th with 429 and Retry-After', async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, () => newThread(CHANNEL)));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 201, 201, 429]);
    expect(replies.find((r) => r.status === 429)?.headers.get('retry-after')).toBe('1');
    expect(peer.throttled).toBe(1);
    expect(peer.landed.threads).toHaveLength(7);
  });

  it('counts each channel on its own', async () => {
    await Promise.all(Array.from({ length: 7 }, () => newThread(CHANNEL)));
    expect((await newThread('19:emea@thread.tacv2')).status).toBe(201);
  });

  it('after 7 sends at 0 s and one at 1 s, holds the next until 2 s (8 per 2 s)', () => {
    const sevenAtZeroOneAtOne = [0, 0, 0, 0, 0, 0, 0, 1000];
    expect(waitForNextSendMs(sevenAtZeroOneAtOne, 1000, TEAMS_CONVERSATION_WINDOWS)).toBe(1000);
  });

  it('schedules the fastest sender the windows allow: 60 in the first 30 s, 200 within 94 s', () => {
    const schedule = earliestSchedule(200, TEAMS_CONVERSATION_WINDOWS);
    for (const { sends, perMs } of TEAMS_CONVERSATION_WINDOWS)
      schedule.forEach((at) =>
        expect(schedule.filter((t) => t > at - perMs && t <= at).length).toBeLessThanOrEqual(sends),
      );
    expect(schedule.filter((t) => t < 30_000)).toHaveLength(60);
    expect(schedule.at(-1)).toBe(94_000);
  });
});
