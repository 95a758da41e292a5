// A kill -9 during a 1,000-referral intake: the service (its own process, the embedded store beside it) takes
// 1,000 distinct referrals from a sender at concurrency 20, is SIGKILLed once ~400 were answered, and is started
// again; the sender retries every request that got no 2xx, as a real sender does. Then the cards are waited for
// and counted: 1,000 referrals, 1,000 cards (one thread each), no duplicates, no change left half-done.
//
// Run it:  npx tsc -p tsconfig.bench.json && node dist/bench/bench/crash-intake.js
// (CRASH_CARDS_WAIT_MS bounds the wait for the cards, 420000 by default; exits 1 unless 1,000 / 1,000 / 0.)
import { performance } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { PENDING_CHANGES } from '../storage/pending-changes';
import { POSTED_MESSAGES } from '../storage/posted-messages';
import { REFERRAL_EVENTS } from '../storage/referral-events';
import { REFERRALS } from '../storage/referrals';
import { WAITING_CARDS } from '../storage/waiting-cards';
import { startConnectorPeer, type ConnectorPeer } from '../test/support/connector-peer';
import { postReferral } from '../test/support/intake';
import { sampleReferralJson } from '../test/support/sample-referral';
import { TEST_INTAKE_SECRET } from '../test/support/service';
import {
  buildService,
  freePort,
  startServiceProcess,
  type ServiceProcess,
} from '../test/support/service-process';
import { startTestStore } from '../test/support/store';
import { DANA, GENERAL, teamsClient, type Channel, type TeamsClient } from '../test/support/teams-client';

const REFERRALS_TO_SEND = 1_000;
const CONCURRENCY = 20;
const KILL_AFTER_ANSWERED = 400;
const RETRY_AFTER_MS = 250;
const CARDS_WAIT_MS = Number(process.env['CRASH_CARDS_WAIT_MS'] ?? 420_000);
const PROGRESS_EVERY_MS = 30_000;

// Ten channels, each claiming one country, so Teams' per-channel pacing (60 per 30 s) is shared ten ways.
const COUNTRIES = ['KR', 'US', 'DE', 'FR', 'JP', 'GB', 'BR', 'IN', 'AU', 'CA'];
const CHANNELS: Channel[] = [
  GENERAL,
  ...COUNTRIES.slice(1).map((country) => ({
    id: `19:sales-${country.toLowerCase()}@thread.tacv2`,
    name: country,
  })),
];

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Installs the bot in the team, makes each channel known (a mention there) and has it claim its country. */
async function installTenChannels(teams: TeamsClient): Promise<void> {
  if ((await teams.installInTeam()).status !== 200) throw new Error('install failed');
  for (const [i, channel] of CHANNELS.entries()) {
    if ((await teams.sayInChannel(DANA, 'settings', 'en-US', channel)).status !== 200)
      throw new Error(`settings in ${channel.name} failed`);
    const saved = await teams.click(
      DANA,
      'settings-save',
      { regions: '', countries: COUNTRIES[i]!, keywords: '', sizes: '', isDefault: String(i === 0) },
      { channel },
    );
    if (saved.status !== 200) throw new Error(`settings-save in ${channel.name} answered ${saved.status}`);
  }
}

function referralJson(i: number, now: Date): Record<string, unknown> {
  const sample = sampleReferralJson(`crash-${i}`);
  const profile = sample['customerProfile'] as { address: Record<string, unknown> };
  return {
    ...sample,
    // Received now, so nothing else (reminders, warnings) is due while the bench runs.
    createdDateTime: now.toISOString(),
    customerProfile: {
      ...profile,
      address: { ...profile.address, country: COUNTRIES[i % COUNTRIES.length] },
    },
  };
}

interface SenderTally {
  answered: number;
  created: number;
  repeats: number;
  /** Requests that got no 2xx (no answer at all, or an error status) and were sent again. */
  retried: number;
}

/**
 * Sends every referral until it gets a 2xx, `CONCURRENCY` at a time; calls `onAnswered` after each answer.
 * `target()` is read for every request, so the sender follows the service across its restart.
 */
async function sendAll(
  target: () => ServiceProcess,
  now: Date,
  onAnswered: (tally: SenderTally) => void,
): Promise<SenderTally> {
  const tally: SenderTally = { answered: 0, created: 0, repeats: 0, retried: 0 };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < REFERRALS_TO_SEND; i = next++) {
      const json = referralJson(i, now);
      for (;;) {
        const reply = await postReferral({ url: target().url, intakeSecret: TEST_INTAKE_SECRET }, json).catch(
          () => undefined,
        );
        if (reply && reply.status >= 200 && reply.status < 300) {
          tally.answered++;
          if (reply.body.created) tally.created++;
          else tally.repeats++;
          onAnswered(tally);
          break;
        }
        tally.retried++;
        await new Promise((done) => setTimeout(done, RETRY_AFTER_MS));
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return tally;
}

/** Threads per referral, read once from the cards (each card's actions carry its referral's id). */
function threadsPerReferral(peer: ConnectorPeer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of peer.threads) {
    const id = /"referralId":"([0-9a-z]{12})"/.exec(JSON.stringify(thread.activity))?.[1];
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

async function main(): Promise<number> {
  const started = performance.now();
  const [build, store, peer, port, dataDir] = await Promise.all([
    buildService(),
    startTestStore(),
    startConnectorPeer(),
    freePort(),
    mkdtemp(join(tmpdir(), 'rd-crash-intake-')),
  ]);
  const database = 'crash-intake';
  const client = new MongoClient(store.uri, { retryWrites: false });
  await client.connect();
  const db = client.db(database);
  // Production's settings, in local mode: the scheduler on its default minute tick, the store at MONGODB_URI.
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    MONGODB_URI: store.uri,
    MONGODB_DATABASE: database,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PLAYGROUND: 'off',
    INTAKE_SECRET: TEST_INTAKE_SECRET,
  };
  let child = await startServiceProcess(build, { env });
  let exitCode = 1;
  try {
    const teams = teamsClient(child.url, peer.url);
    await installTenChannels(teams);
    const ready = performance.now();
    log(`built and started, installed in ${CHANNELS.length} channels: ${seconds(ready - started)}`);

    const now = new Date();
    let killedAt = 0;
    let restarted: Promise<void> | undefined;
    let answeredAtKill = 0;
    let cardsAtKill = 0;
    let marksAtKill = 0;
    let downMs = 0;
    const sending = sendAll(
      () => child,
      now,
      (tally) => {
        if (restarted || tally.answered < KILL_AFTER_ANSWERED) return;
        child.killNow();
        killedAt = performance.now();
        answeredAtKill = tally.answered;
        cardsAtKill = peer.threads.length;
        restarted = (async () => {
          await child.exited;
          marksAtKill = await db.collection(PENDING_CHANGES).countDocuments();
          child = await startServiceProcess(build, { env, readyTimeoutMs: 300_000 });
          downMs = performance.now() - killedAt;
        })();
      },
    );
    const tally = await sending;
    await restarted;
    const sent = performance.now();
    log(
      `killed after ${answeredAtKill} answers (${cardsAtKill} cards out, ${marksAtKill} changes marked) at` +
        ` ${seconds(killedAt - ready)};` +
        ` down (kill → /readyz 200, start-up recovery included) ${seconds(downMs)}`,
    );
    log(
      `all ${REFERRALS_TO_SEND} answered: ${seconds(sent - ready)} from the first request` +
        ` (${tally.created} created, ${tally.repeats} repeats, ${tally.retried} requests retried)`,
    );

    const ids = (
      await db
        .collection(REFERRAL_EVENTS)
        .find({ seq: 1 }, { projection: { referralId: 1 } })
        .toArray()
    ).map((event) => String(event['referralId']));
    const isDone = async () => {
      const counts = threadsPerReferral(peer);
      return (
        ids.every((id) => (counts.get(id) ?? 0) > 0) &&
        (await db.collection(PENDING_CHANGES).countDocuments()) === 0
      );
    };
    const deadline = performance.now() + CARDS_WAIT_MS;
    let lastProgress = performance.now();
    while (!(await isDone()) && performance.now() < deadline) {
      if (performance.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = performance.now();
        log(
          `  ${seconds(lastProgress - sent)} on: ` +
            `${threadsPerReferral(peer).size} referrals have a card, ${await db.collection(PENDING_CHANGES).countDocuments()} marks left`,
        );
      }
      await new Promise((done) => setTimeout(done, 500));
    }
    const settled = performance.now();

    const counts = threadsPerReferral(peer);
    const perReferral = ids.map((id) => counts.get(id) ?? 0);
    const figures = {
      referrals: await db.collection(REFERRALS).countDocuments(),
      firstEvents: ids.length,
      withOneCard: perReferral.filter((n) => n === 1).length,
      withoutCard: perReferral.filter((n) => n === 0).length,
      withDuplicates: perReferral.filter((n) => n > 1).length,
      threads: peer.threads.length,
      pendingChanges: await db.collection(PENDING_CHANGES).countDocuments(),
      cardRecordsSending: await db.collection(POSTED_MESSAGES).countDocuments({ state: 'sending' }),
      waitingCards: await db.collection(WAITING_CARDS).countDocuments(),
    };
    log(
      `cards settled ${seconds(settled - sent)} after the last answer${(await isDone()) ? '' : ' (gave up waiting)'}`,
    );
    process.stdout.write(
      [
        `referrals in the store:        ${figures.referrals} (first events: ${figures.firstEvents})`,
        `referrals with one card:       ${figures.withOneCard}`,
        `referrals with no card:        ${figures.withoutCard}`,
        `referrals with 2+ cards:       ${figures.withDuplicates}`,
        `threads in the peer:           ${figures.threads}`,
        `pending_changes left:          ${figures.pendingChanges}`,
        `card records still 'sending':  ${figures.cardRecordsSending}`,
        `waiting_cards entries:         ${figures.waitingCards}`,
        '',
      ].join('\n'),
    );
    const isExact =
      figures.referrals === REFERRALS_TO_SEND &&
      figures.firstEvents === REFERRALS_TO_SEND &&
      figures.withOneCard === REFERRALS_TO_SEND &&
      figures.withDuplicates === 0 &&
      figures.pendingChanges === 0;
    exitCode = isExact ? 0 : 1;
  } finally {
    await child.kill();
    await client.close();
    await peer.close();
    await store.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
