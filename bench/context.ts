// What the sections of one run share: one embedded store, and each size's preloaded history, loaded once.
import { performance } from 'node:perf_hooks';
import { connectStore } from '../storage/mongo';
import { startTestStore, type TestStore } from '../test/support/store';
import { preloadHistory } from './history';
import { waitForQuietStore } from './quiet-store';
import type { Row } from './report';
import { progress, sizeLabel, type BenchSettings } from './support';

export interface PreloadedHistory {
  size: number;
  /** The database holding the history; the service under test runs on it. */
  database: string;
  documents: number;
  preloadMs: number;
  /** Set once a later section runs on the same database (it then also holds that section's referrals). */
  isReused: boolean;
}

/** What a section hands back: its table's rows, lines to print under it, or a table of its own (`text`). */
export interface SectionReport {
  rows: Row[];
  notes: string[];
  text?: string;
}

/** One part of the bench, selectable by name on the command line. */
export interface Section {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<SectionReport>;
}

/** How the history a section ran on came to be, for the notes under its table. */
export function historyNote(history: PreloadedHistory): string {
  return history.isReused
    ? `history @ ${sizeLabel(history.size)}: reused from an earlier section (it holds that section's referrals too)`
    : `history @ ${sizeLabel(history.size)}: ${history.size} referrals (${history.documents} documents) preloaded in ` +
        `${(history.preloadMs / 1000).toFixed(1)} s`;
}

export interface BenchContext {
  settings: BenchSettings;
  /** The run's embedded store, started on first use. */
  store(): Promise<TestStore>;
  /** The database holding `size` historical referrals, preloaded on first use and shared after. */
  history(size: number): Promise<PreloadedHistory>;
  /** Resolves once the store has finished all work (before each measurement, so none inherits another's load). */
  quiet(): Promise<void>;
  close(): Promise<void>;
}

export function createBenchContext(settings: BenchSettings): BenchContext {
  let store: Promise<TestStore> | undefined;
  const histories = new Map<number, Promise<PreloadedHistory>>();
  const storeOnce = () => (store ??= startTestStore());

  async function preload(size: number): Promise<PreloadedHistory> {
    const database = `bench-history-${size}`;
    const connection = await connectStore((await storeOnce()).uri, database, 10_000);
    try {
      progress(`preloading ${size} historical referrals into ${database} …`);
      const startedAt = performance.now();
      const documents = await preloadHistory(connection.db, size, new Date());
      const preloadMs = performance.now() - startedAt;
      progress(`preloaded ${documents} documents in ${(preloadMs / 1000).toFixed(1)} s`);
      return { size, database, documents, preloadMs, isReused: false };
    } finally {
      await connection.close();
    }
  }

  return {
    settings,
    store: storeOnce,
    async history(size) {
      const known = histories.get(size);
      if (known) return { ...(await known), isReused: true };
      const loading = preload(size);
      histories.set(size, loading);
      return loading;
    },
    quiet: async () => waitForQuietStore((await storeOnce()).pid),
    async close() {
      if (store) await (await store).stop();
    },
  };
}
