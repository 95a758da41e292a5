import { RecentReads } from '../../storage/recent-reads';

describe('recent reads', () => {
  /** A clock the spec moves, and a record store that counts its reads. */
  function setUp(options: { keepMisses?: boolean } = {}) {
    let nowMs = 0;
    const records = new Map<string, string>();
    let reads = 0;
    const recent = new RecentReads<string>({ maxAgeMs: 5_000, now: () => nowMs, ...options });
    const read = (key: string) => () => {
      reads++;
      return Promise.resolve(records.get(key));
    };
    return {
      recent,
      records,
      read,
      reads: () => reads,
      after: (ms: number) => (nowMs += ms),
    };
  }

  it('reuses a read for maxAgeMs, then reads again and sees what another instance wrote', async () => {
    const { recent, records, read, reads, after } = setUp();
    records.set('channel-1', 'ko');
    expect(await recent.get('channel-1', read('channel-1'))).toBe('ko');
    records.set('channel-1', 'en'); // another instance saved it
    after(4_999);
    expect(await recent.get('channel-1', read('channel-1'))).toBe('ko');
    expect(reads()).toBe(1);
    after(1);
    expect(await recent.get('channel-1', read('channel-1'))).toBe('en');
    expect(reads()).toBe(2);
  });

  it('gives this instance its own write at once, and forgets what it removed', async () => {
    const { recent, records, read, reads } = setUp();
    records.set('c', 'old');
    await recent.get('c', read('c'));
    recent.set('c', 'new');
    expect(await recent.get('c', read('c'))).toBe('new');
    records.delete('c');
    recent.forget((key) => key === 'c');
    expect(await recent.get('c', read('c'))).toBeUndefined();
    expect(reads()).toBe(2);
  });

  it('keeps "not found" only when told to', async () => {
    const plain = setUp();
    await plain.recent.get('none', plain.read('none'));
    await plain.recent.get('none', plain.read('none'));
    expect(plain.reads()).toBe(2);
    const misses = setUp({ keepMisses: true });
    await misses.recent.get('none', misses.read('none'));
    expect(await misses.recent.get('none', misses.read('none'))).toBeUndefined();
    expect(misses.reads()).toBe(1);
  });

  it('does not let a read that started before a write put back what the write replaced', async () => {
    const { recent } = setUp();
    let answer: (value: string) => void = () => undefined;
    const slowRead = recent.get('c', () => new Promise<string>((done) => (answer = done)));
    recent.set('c', 'written');
    answer('read before the write');
    expect(await slowRead).toBe('read before the write');
    expect(await recent.get('c', () => Promise.resolve('read again'))).toBe('written');
  });
});
