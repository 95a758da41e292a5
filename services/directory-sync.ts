import type { Logger } from '../platform/logger';
import type { ReferralProjections } from '../storage/referrals';
import type { ReferralRoutes } from '../storage/referral-routes';
import type { ReferralDirectory } from './referral-directory';

/**
 * Keeps this instance's directory in step with what other instances change in a shared MongoDB (a separate
 * scheduler worker expires referrals, another service instance accepts them): every few seconds it reads the
 * projections saved and the routes decided since it last looked, by indexed query. The embedded store serves one
 * process only, which changes nothing it does not see, so this does not run there.
 */
export function startDirectorySync(deps: {
  directory: ReferralDirectory;
  projections: Pick<ReferralProjections, 'savedAfter'>;
  routes: Pick<ReferralRoutes, 'decidedAfter'>;
  startAt: Date;
  intervalMs: number;
  log: Logger;
}): { stop(): void } {
  // Instances' clocks differ a little, and a save is timed before it lands: look back a little each time.
  const overlapMs = 30_000;
  let referralsSeen = deps.startAt;
  let routesSeen = deps.startAt;
  const batch = 500;
  async function catchUp(): Promise<void> {
    for (;;) {
      const saved = await deps.projections.savedAfter(new Date(referralsSeen.getTime() - overlapMs), batch);
      for (const { referral } of saved) deps.directory.put(referral);
      const last = saved.at(-1)?.savedAt;
      if (last && last > referralsSeen) referralsSeen = last;
      if (saved.length < batch || !last) break;
    }
    const routes = await deps.routes.decidedAfter(new Date(routesSeen.getTime() - overlapMs), batch);
    for (const { referralId, decidedAt, ...place } of routes) {
      deps.directory.place(referralId, place);
      if (decidedAt > routesSeen) routesSeen = decidedAt;
    }
  }
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= catchUp()
      .catch((error: unknown) => deps.log.warn({ err: error }, 'directory catch-up failed; trying again'))
      .finally(() => (running = undefined));
  }, deps.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
