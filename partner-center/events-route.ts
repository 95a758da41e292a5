import type { Request, Response } from 'restify';
import type { Logger } from '../platform/logger';
import type { IntegrationHealth } from '../services/integration-health';
import { isStoreUnavailableError } from '../storage/mongo';
import { sendError } from '../platform/http-errors';
import { BodyTooLargeError, readRawBody, utf8Text } from '../platform/read-body';
import { PartnerCenterApiError, type PartnerCenterApi } from './api-client';
import { ingestReferral, type IngestDeps } from './ingest';
import type { Verdict } from './webhook-signature';

export const EVENTS_BODY_LIMIT_BYTES = 64 * 1024;
export const REFERRAL_EVENT_NAMES = [
  'referral-created',
  'referral-updated',
  'related-referral-created',
  'related-referral-updated',
] as const;

export interface EventsRouteDeps extends IngestDeps {
  api: PartnerCenterApi;
  verify: (headers: Request['headers'], body: Buffer, now: Date) => Promise<Verdict>;
  log: Logger;
  health?: Pick<IntegrationHealth, 'webhookReceived'>;
}

/**
 * POST /api/partner-center/events. The event only points at the referral (`ResourceUri`), so the referral is
 * fetched and taken in as the poller would. 200 once taken in; 5xx when Partner Center or the store cannot be
 * reached, so Partner Center delivers again (it tries 10 times, and the poller catches what it gives up on).
 */
export function partnerCenterEventsRoute(deps: EventsRouteDeps) {
  const { api, verify, clock, log } = deps;
  return async (req: Request, res: Response): Promise<void> => {
    let body: Buffer;
    try {
      body = await readRawBody(req, EVENTS_BODY_LIMIT_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return sendError(
        res,
        413,
        'payload-too-large',
        `The body must be at most ${EVENTS_BODY_LIMIT_BYTES} bytes.`,
      );
    }
    const verdict = await verify(req.headers, body, clock());
    if (!verdict.ok) {
      log.warn({ reason: verdict.reason, remote: req.socket.remoteAddress }, 'Partner Center event refused');
      return sendError(res, 401, 'bad-signature', verdict.reason);
    }
    // A verified event, whatever it is about, shows Partner Center's webhooks reach us.
    await deps.health?.webhookReceived(clock()).catch((error: unknown) => {
      log.error({ err: error }, 'could not record the webhook for the integration’s health');
    });
    const event = eventOf(body);
    if (!event) return sendError(res, 400, 'malformed-event', 'The body is not a Partner Center event.');
    if (!(REFERRAL_EVENT_NAMES as readonly string[]).includes(event.name)) {
      res.send(200, { ignored: true });
      return;
    }
    const partnerCenterId = referralIdOf(event.resourceUri);
    if (!partnerCenterId)
      return sendError(res, 400, 'malformed-event', 'ResourceUri does not name a referral.');
    try {
      const fetched = await api.getReferral(partnerCenterId);
      if (!fetched) return sendError(res, 404, 'not-found', 'Partner Center has no such referral.');
      const outcome = await ingestReferral(deps, fetched.json);
      res.send(200, { outcome });
    } catch (error) {
      if (error instanceof PartnerCenterApiError || isStoreUnavailableError(error)) {
        log.warn(
          { err: error, partnerCenterId },
          'Partner Center event not taken in; Partner Center will retry',
        );
        return sendError(
          res,
          503,
          'unavailable',
          'The referral could not be fetched or saved now; retry later.',
        );
      }
      throw error;
    }
  };
}

function eventOf(body: Buffer): { name: string; resourceUri: string } | undefined {
  try {
    const text = utf8Text(body);
    if (text === undefined) return undefined;
    const json = JSON.parse(text) as Record<string, unknown>;
    const name = json.EventName;
    const resourceUri = json.ResourceUri;
    return typeof name === 'string' && typeof resourceUri === 'string' ? { name, resourceUri } : undefined;
  } catch {
    return undefined;
  }
}

/** `…/engagements/referrals/{id}` → id. Only the id is used: the referral is fetched from our configured API. */
function referralIdOf(resourceUri: string): string | undefined {
  const match = /\/referrals\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(resourceUri);
  if (!match?.[1]) return undefined;
  const id = decodeURIComponent(match[1]);
  return /^[\w-]{1,200}$/.test(id) ? id : undefined;
}
