// Waits until the embedded store has stopped working. A request a client gave up on (a click past its timeout, a
// service that was stopped) keeps FerretDB busy for minutes after; a floor measured then would be measured on a
// busy store.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { progress, sleep } from './support';

const SAMPLE_MS = 1_000;
/** Below this share of one core over a sample, the store counts as idle. */
const IDLE_CPU_SHARE = 0.05;
const IDLE_SAMPLES_NEEDED = 2;
const GIVE_UP_MS = 30 * 60_000;
// Linux reports process CPU time in clock ticks of 1/100 s (`getconf CLK_TCK`).
const TICK_MS = 10;

/** CPU time (user + system) the process has used, in ms, from /proc/<pid>/stat. */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at the state, field 3; utime and stime are 14, 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

export async function waitForQuietStore(pid: number): Promise<void> {
  const startedAt = performance.now();
  let idleSamples = 0;
  let warned = false;
  while (idleSamples < IDLE_SAMPLES_NEEDED) {
    const before = await cpuMs(pid);
    await sleep(SAMPLE_MS);
    const share = ((await cpuMs(pid)) - before) / SAMPLE_MS;
    idleSamples = share < IDLE_CPU_SHARE ? idleSamples + 1 : 0;
    const waitedMs = performance.now() - startedAt;
    if (!warned && waitedMs > 10_000) {
      progress('waiting for the store to finish work left over from the last measurement …');
      warned = true;
    }
    if (waitedMs > GIVE_UP_MS) {
      progress(`the store is still busy after ${GIVE_UP_MS / 60_000} min; measuring anyway`);
      return;
    }
  }
  if (warned) progress(`store quiet after ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
}
