import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../platform/logger';
import { sendError } from '../platform/http-errors';
import type { HttpRoute } from '../platform/http-route';
import { intakeRoute, type IntakeRouteDeps } from '../intake/intake-route';

export interface HttpServerDeps {
  log: Logger;
  intake: IntakeRouteDeps;
  /** Resolves when the store answers; rejects when it does not. */
  checkStore: () => Promise<void>;
  /** False when the process cannot work any more (its embedded store cannot be brought back): liveness fails. */
  isAlive?: () => boolean;
  /** Runs a request's handling in the store's request lane (storage/store-lanes.ts), ahead of background work. */
  asRequest?: <T>(work: () => T) => T;
  /** Further POST endpoints by path: the bot's `/api/messages`, Partner Center's events. */
  posts?: Record<string, (req: Request, res: Response) => Promise<void>>;
  /** Further GET endpoints by path: the service's own pages. */
  gets?: Record<string, (req: Request, res: Response) => Promise<void>>;
  /** Endpoints whose paths have parameters (`/api/tab/referrals/:id`, `/tab/assets/*`): the tab's API and pages. */
  routes?: HttpRoute[];
}

export function createHttpServer({
  log,
  intake,
  checkStore,
  isAlive,
  asRequest,
  posts = {},
  gets = {},
  routes = [],
}: HttpServerDeps): Server {
  const server = restify.createServer({ name: 'referral-desk', handleUncaughtExceptions: false });
  if (asRequest) server.pre((_req, _res, next) => asRequest(() => next()));
  server.post('/api/referrals', intakeRoute(intake));
  for (const [path, handler] of Object.entries(posts)) server.post(path, handler);
  for (const [path, handler] of Object.entries(gets)) server.get(path, handler);
  for (const route of routes) server[route.method](route.path, route.handler);
  server.get('/healthz', async (_req, res) => {
    if (isAlive && !isAlive())
      return sendError(
        res,
        503,
        'store-dead',
        'The embedded store has been down too long to come back by itself.',
      );
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    try {
      await checkStore();
      res.send(200, { status: 'ready' });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed');
      sendError(res, 503, 'store-unavailable', 'The referral store is unreachable.');
    }
  });
  server.on('restifyError', (req, res, error, callback) => {
    if (((error as { statusCode?: number }).statusCode ?? 500) >= 500) {
      log.error({ err: error, method: req.method, url: req.url }, 'request failed');
    }
    return callback();
  });
  return server;
}
