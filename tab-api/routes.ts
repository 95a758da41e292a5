import type { Request, Response } from 'restify';
import { formatUtc } from '../core/dates';
import { commandFromForm } from '../core/form-command';
import { pipelineInsights } from '../core/pipeline-insights';
import type { Actor, Referral } from '../core/referral';
import type { FieldError } from '../core/result';
import type { Locale } from '../i18n/catalogue';
import type { Clock } from '../platform/clock';
import { sendError } from '../platform/http-errors';
import type { HttpRoute } from '../platform/http-route';
import type { Logger } from '../platform/logger';
import { BodyTooLargeError, readRawBody, utf8Text } from '../platform/read-body';
import type { People } from '../services/people';
import type { DirectoryEntry, ReferralDirectory } from '../services/referral-directory';
import type { ReferralService } from '../services/referral-service';
import { cardKey, threadUrlOf } from '../services/thread-link';
import { mayActOn, personalScope } from '../services/visibility';
import type { Conversations } from '../storage/conversations';
import type { PostedMessages } from '../storage/posted-messages';
import type { ReferralEventLog } from '../storage/referral-events';
import type { TabAuth, TabViewer } from './auth';
import { csvResponse } from './csv';
import { devPeople, type DevTokens } from './dev-tokens';
import type { Checked, ListReads } from './list-reads';
import { parseActionBody } from './action-body';
import { detailOf } from './views';

export interface TabApiDeps {
  auth: TabAuth;
  /** Local mode only: the dev token signer behind `/api/tab/dev/*`. */
  devTokens?: DevTokens;
  /** `put`: the tab reads its own change at once, before the change effects have run. */
  directory: Pick<ReferralDirectory, 'get' | 'put'>;
  people: People;
  conversations: Pick<Conversations, 'listChannels'>;
  referrals: Pick<ReferralService, 'load' | 'apply'>;
  events: Pick<ReferralEventLog, 'listUpTo' | 'get'>;
  posts: Pick<PostedMessages, 'get'>;
  /** The lists, shared with the page's first page (first-page.ts). */
  lists: ListReads;
  clock: Clock;
  log: Logger;
}

const ACTION_BODY_LIMIT_BYTES = 64 * 1024;
const NOT_FOUND = 'No such referral.';

type Authed = (req: Request, res: Response, viewer: TabViewer) => Promise<void>;

/** The tab's API (docs/tab-api.md): the reads, the CSV, the actions and, in local mode, the dev sign-in. */
export function tabApiRoutes(deps: TabApiDeps): HttpRoute[] {
  const { directory, people } = deps;

  /** Runs `handler` for a caller whose token holds; 401 (or 503 when the keys cannot be read) otherwise. */
  const authed =
    (handler: Authed) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const outcome = await deps.auth.authenticate(req);
        if (!outcome.ok) {
          if (outcome.status === 503) return sendError(res, 503, 'auth-unavailable', outcome.reason);
          const hasToken = req.headers.authorization !== undefined;
          return sendError(res, 401, 'unauthorized', outcome.reason, undefined, {
            'WWW-Authenticate': hasToken ? 'Bearer error="invalid_token"' : 'Bearer',
          });
        }
        res.header('cache-control', 'no-store');
        await handler(req, res, outcome.viewer);
      } catch (error) {
        deps.log.error({ err: error, url: req.url }, 'tab api request failed');
        if (!res.headersSent) sendError(res, 503, 'unavailable', 'The service could not answer; try again.');
      }
    };

  const paramsOf = (req: Request) => new URL(req.url ?? '/', 'http://localhost').searchParams;
  const { lists } = deps;

  /** The checked value, or a 400 sent and undefined. */
  function checked<T>(res: Response, outcome: Checked<T>): T | undefined {
    if (outcome.ok) return outcome.value;
    sendError(res, 400, 'bad-request', 'Some parameters are not right.', outcome.errors);
    return undefined;
  }
  const queryOf = (req: Request, res: Response, viewer: TabViewer) =>
    checked(res, lists.query(paramsOf(req), viewer));
  const presentationOf = (req: Request, res: Response) => checked(res, lists.presentation(paramsOf(req)));

  /** The entry if `viewer` may see it; undefined (and a 404 sent) otherwise, with nothing of it said. */
  async function entryFor(res: Response, viewer: TabViewer, id: string): Promise<DirectoryEntry | undefined> {
    const entry = directory.get(id);
    if (entry && (await mayActOn(viewer, entry, people))) return entry;
    sendError(res, 404, 'not-found', NOT_FOUND);
    return undefined;
  }

  async function detail(
    referral: Referral,
    place: DirectoryEntry['place'],
    presentation: { locale: Locale; timeZone: string },
  ) {
    const [history, assignees, post, names] = await Promise.all([
      deps.events.listUpTo(referral.id, referral.version),
      referral.status === 'Closed' ? [] : people.assigneesFor(referral.id),
      deps.posts.get(cardKey(referral.id)),
      lists.placeNames(),
    ]);
    const threadUrl = threadUrlOf(post, place?.tenantId);
    return detailOf(referral, place, {
      now: deps.clock(),
      ...presentation,
      history,
      assignees,
      channelName: names.channelName,
      ...(threadUrl ? { threadUrl } : {}),
    });
  }

  /** The name to record for `viewer` in the referral's history: the token's, else their team's roster's. */
  async function actorFor(viewer: TabViewer, entry: DirectoryEntry): Promise<Actor> {
    let name = viewer.name;
    if (!name && entry.place?.teamId)
      name = (await people.membersOf(entry.place.teamId)).find(
        (m) => m.aadObjectId === viewer.aadObjectId,
      )?.name;
    return { kind: 'user', id: viewer.aadObjectId, name: name ?? viewer.aadObjectId };
  }

  const routes: HttpRoute[] = [
    {
      method: 'get',
      path: '/api/tab/me',
      handler: authed(async (_req, res, viewer) => {
        const [scope, names] = await Promise.all([personalScope(viewer, people), lists.placeNames()]);
        const teamIds = scope.kind === 'teams' ? [...scope.teamIds] : [];
        const teams = await Promise.all(
          teamIds.map(async (teamId) => ({
            teamId,
            ...(names.teamName(teamId) ? { name: names.teamName(teamId) } : {}),
            isAdmin: await people.isAdmin(teamId, viewer),
            channels: names.channels
              .filter((c) => c.teamId === teamId)
              .map((c) => ({
                channelId: c.channelId ?? c.id,
                ...(c.channelName ? { name: c.channelName } : {}),
              })),
          })),
        );
        let name = viewer.name;
        for (const teamId of teamIds) {
          if (name) break;
          name = (await people.membersOf(teamId)).find((m) => m.aadObjectId === viewer.aadObjectId)?.name;
        }
        teams.sort((a, b) => (a.name ?? a.teamId).localeCompare(b.name ?? b.teamId));
        res.send(200, {
          person: {
            aadObjectId: viewer.aadObjectId,
            ...(name ? { name } : {}),
            ...(viewer.tenantId ? { tenantId: viewer.tenantId } : {}),
          },
          teams,
          isAdmin: teams.some((team) => team.isAdmin),
        });
      }),
    },
    {
      method: 'get',
      path: '/api/tab/referrals',
      handler: authed(async (req, res, viewer) => {
        const page = checked(res, await lists.page(viewer, paramsOf(req)));
        if (page) res.send(200, page);
      }),
    },
    {
      method: 'get',
      path: '/api/tab/referrals.csv',
      handler: authed(async (req, res, viewer) => {
        const query = queryOf(req, res, viewer);
        if (!query) return;
        const now = deps.clock();
        const [{ kept }, names] = await Promise.all([
          lists.selection(viewer, query, now),
          lists.placeNames(),
        ]);
        csvResponse(res, kept, names, now);
      }),
    },
    {
      method: 'get',
      path: '/api/tab/insights',
      handler: authed(async (req, res, viewer) => {
        const query = queryOf(req, res, viewer);
        if (!query) return;
        const now = deps.clock();
        const { kept } = await lists.selection(viewer, query, now);
        res.send(200, pipelineInsights(kept, now));
      }),
    },
    {
      method: 'get',
      path: '/api/tab/referrals/:id',
      handler: authed(async (req, res, viewer) => {
        const presentation = presentationOf(req, res);
        if (!presentation) return;
        const entry = await entryFor(res, viewer, String(req.params['id'] ?? ''));
        if (!entry) return;
        const referral = await deps.referrals.load(entry.id);
        if (!referral) return sendError(res, 404, 'not-found', NOT_FOUND);
        res.send(200, await detail(referral, entry.place, presentation));
      }),
    },
    {
      method: 'post',
      path: '/api/tab/referrals/:id/actions',
      handler: authed(async (req, res, viewer) => {
        const presentation = presentationOf(req, res);
        if (!presentation) return;
        let raw: Buffer;
        try {
          raw = await readRawBody(req, ACTION_BODY_LIMIT_BYTES);
        } catch (error) {
          if (error instanceof BodyTooLargeError)
            return sendError(res, 413, 'too-large', `Send at most ${ACTION_BODY_LIMIT_BYTES} bytes.`);
          throw error;
        }
        // Nothing of the referral is said, not even whether the body was right, to someone who may not see it.
        const entry = await entryFor(res, viewer, String(req.params['id'] ?? ''));
        if (!entry) return;
        const body = parseActionBody(utf8Text(raw));
        if (!body.ok) return invalid(res, 'The request is not {verb, version, data}.', body.errors);
        const current = await deps.referrals.load(entry.id);
        if (!current) return sendError(res, 404, 'not-found', NOT_FOUND);
        const { verb, version, fields } = body.value;
        // An edit made on an older version would overwrite what someone changed since: say who, change nothing.
        if (verb === 'edit' && current.version > version) {
          const last = await deps.events.get(current.id, current.version);
          const who = last ? ` by ${last.actor.name} on ${formatUtc(last.at)}` : '';
          return stale(
            res,
            `Changed${who} since you opened it: look at the change, then edit again.`,
            {
              status: current.status,
              substatus: current.substatus,
              ...(last ? { by: { name: last.actor.name }, at: last.at } : {}),
            },
            await detail(current, entry.place, presentation),
          );
        }
        const candidates = verb === 'assign' ? await people.assigneesFor(entry.id) : [];
        const outcome = await deps.referrals.apply(
          entry.id,
          commandFromForm(verb, fields, candidates),
          await actorFor(viewer, entry),
        );
        switch (outcome.status) {
          case 'not-found':
            return sendError(res, 404, 'not-found', NOT_FOUND);
          case 'invalid':
            return invalid(res, 'Some fields need a change.', outcome.errors);
          case 'conflict':
            return stale(
              res,
              outcome.conflict.message,
              outcome.conflict.current,
              await detail(outcome.referral, entry.place, presentation),
            );
          case 'applied':
            // The directory hears of it from the change effects too (in the background): the list the tab asks
            // for next must already show it. `put` keeps the newer of the two.
            directory.put(outcome.referral);
            return res.send(200, {
              referral: await detail(outcome.referral, entry.place, presentation),
              warnings: outcome.warnings,
            });
        }
      }),
    },
  ];

  const devRoutes: HttpRoute[] = [
    {
      method: 'get',
      path: '/api/tab/dev/people',
      handler: async (_req, res) => {
        if (!deps.devTokens) return sendError(res, 404, 'not-found', 'Not found.');
        res.header('cache-control', 'no-store');
        res.send(200, { people: await devPeople(deps) });
      },
    },
    {
      method: 'post',
      path: '/api/tab/dev/token',
      handler: async (req, res) => {
        if (!deps.devTokens) return sendError(res, 404, 'not-found', 'Not found.');
        let asked: unknown;
        try {
          asked = JSON.parse(utf8Text(await readRawBody(req, ACTION_BODY_LIMIT_BYTES)) ?? '');
        } catch {
          asked = undefined;
        }
        const aadObjectId = (asked as { aadObjectId?: unknown } | undefined)?.aadObjectId;
        if (typeof aadObjectId !== 'string' || aadObjectId.trim() === '')
          return sendError(res, 400, 'bad-request', 'Send {"aadObjectId": "<id>"}.', [
            { field: 'aadObjectId', code: 'required', message: 'Name the person to sign in as.' },
          ]);
        const known = (await devPeople(deps)).find((p) => p.aadObjectId === aadObjectId);
        const { token, expiresAt } = await deps.devTokens.sign(known ?? { aadObjectId, name: aadObjectId });
        res.header('cache-control', 'no-store');
        res.send(200, { token, expiresAt: expiresAt.toISOString() });
      },
    },
  ];

  return [...devRoutes, ...routes];
}

function invalid(res: Response, message: string, fields: FieldError[]): void {
  sendError(res, 400, 'invalid', message, fields);
}

function stale(res: Response, message: string, current: object, referral: object): void {
  res.send(409, { error: { code: 'stale', message, current, referral } });
}
