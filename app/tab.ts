import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clock } from '../platform/clock';
import type { HttpRoute } from '../platform/http-route';
import type { Logger } from '../platform/logger';
import type { People } from '../services/people';
import type { ReferralDirectory } from '../services/referral-directory';
import type { ReferralService } from '../services/referral-service';
import { createTabAuth } from '../tab-api/auth';
import { createDevTokens } from '../tab-api/dev-tokens';
import { createFirstPages } from '../tab-api/first-page';
import { createListReads } from '../tab-api/list-reads';
import { pageSessionRoutes } from '../tab-api/page-session';
import { tabPageRoutes } from '../tab-api/pages';
import { tabApiRoutes } from '../tab-api/routes';
import type { Config } from './config';
import type { Stores } from './stores';

/** The project's folder (the one with package.json), from wherever this file was compiled to. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** The pipeline tab's API and pages: Entra tokens in production, the service's own dev tokens in local mode. */
export async function tabRoutes(
  config: Config,
  deps: Pick<Stores, 'conversations' | 'events' | 'postedMessages'> & {
    referrals: ReferralService;
    directory: ReferralDirectory;
    people: People;
    clock: Clock;
    log: Logger;
  },
): Promise<HttpRoute[]> {
  // Made at start and kept in memory only; production never has one, so a dev token is refused there.
  const devTokens = config.isLocalMode ? await createDevTokens(deps.clock) : undefined;
  const auth = createTabAuth({
    ...(config.tab.appId ? { appId: config.tab.appId } : {}),
    ...(config.bot.allowedTenantIds ? { allowedTenantIds: config.bot.allowedTenantIds } : {}),
    authorityHost: config.tab.authorityHost,
    ...(devTokens ? { devTokens } : {}),
    clock: deps.clock,
    log: deps.log,
  });
  const lists = createListReads({
    directory: deps.directory,
    people: deps.people,
    conversations: deps.conversations,
    display: config.display,
    clock: deps.clock,
  });
  return [
    ...tabApiRoutes({
      auth,
      ...(devTokens ? { devTokens } : {}),
      directory: deps.directory,
      people: deps.people,
      conversations: deps.conversations,
      referrals: deps.referrals,
      events: deps.events,
      posts: deps.postedMessages,
      lists,
      clock: deps.clock,
      log: deps.log,
    }),
    ...pageSessionRoutes({ auth, clock: deps.clock }),
    ...tabPageRoutes({
      distDir: config.tab.distDir ?? join(projectRoot(), 'dist', 'tab'),
      isLocalMode: config.isLocalMode,
      firstPages: createFirstPages({ auth, lists, isLocalMode: config.isLocalMode, log: deps.log }),
    }),
  ];
}
