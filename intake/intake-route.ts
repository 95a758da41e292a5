import type { Request, Response } from 'restify';
import { parseIncomingReferral } from '../core/intake';
import type { Actor } from '../core/referral';
import { WEBHOOK_SOURCE } from '../core/sources';
import { ReceiveFailedError, type ReferralService } from '../services/referral-service';
import type { Logger } from '../platform/logger';
import type { Clock } from '../platform/clock';
import { sendError } from '../platform/http-errors';
import { BodyTooLargeError, isLoopback, readRawBody, utf8Text } from '../platform/read-body';
import { isValidSignature, SIGNATURE_HEADER } from './signature';

export const INTAKE_BODY_LIMIT_BYTES = 256 * 1024;
const WEBHOOK_ACTOR: Actor = { kind: 'source', id: WEBHOOK_SOURCE, name: 'Signed webhook' };

export interface IntakeRouteDeps {
  service: ReferralService;
  secret: string;
  /** Local mode only: requests from loopback may come unsigned (a signature, when sent, is still checked). */
  allowUnsignedFromLoopback: boolean;
  clock: Clock;
  log: Logger;
}

/** POST /api/referrals: a Partner-Center-shaped referral, signed with HMAC-SHA256 of the raw body. */
export function intakeRoute({ service, secret, allowUnsignedFromLoopback, clock, log }: IntakeRouteDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    if (!/^application\/(.+\+)?json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return sendError(
        res,
        415,
        'unsupported-media-type',
        'Send the referral as JSON (Content-Type: application/json).',
      );
    }
    let body: Buffer;
    try {
      body = await readRawBody(req, INTAKE_BODY_LIMIT_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendError(
          res,
          413,
          'payload-too-large',
          `The body must be at most ${INTAKE_BODY_LIMIT_BYTES} bytes.`,
        );
      }
      throw error;
    }
    const signature = req.headers[SIGNATURE_HEADER] as string | undefined;
    const mayBeUnsigned =
      allowUnsignedFromLoopback && signature === undefined && isLoopback(req.socket.remoteAddress);
    if (!mayBeUnsigned && !isValidSignature(secret, body, signature)) {
      const reason =
        signature === undefined
          ? 'The X-Referral-Signature header is missing.'
          : 'The X-Referral-Signature does not match the body.';
      return sendError(res, 401, 'bad-signature', `${reason} Sign the raw body: sha256=<hex HMAC-SHA256>.`);
    }
    const text = utf8Text(body);
    if (text === undefined)
      return sendError(
        res,
        400,
        'invalid-encoding',
        'The body is not valid UTF-8; send the referral as UTF-8 JSON.',
      );
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return sendError(res, 400, 'malformed-json', 'The body is not valid JSON.');
    }
    const parsed = parseIncomingReferral(json, WEBHOOK_SOURCE, clock());
    if (!parsed.ok) {
      return sendError(res, 400, 'invalid-referral', 'The referral has invalid fields.', parsed.errors);
    }
    try {
      const { created, referral } = await service.receive(parsed.value, WEBHOOK_ACTOR);
      log.info({ referralId: referral.id, externalId: referral.externalId, created }, 'referral received');
      res.send(created ? 201 : 200, { id: referral.id, created });
    } catch (error) {
      if (!(error instanceof ReceiveFailedError)) throw error;
      log.warn({ err: error.cause, mayBeSaved: error.mayBeSaved }, 'store failed during intake');
      // Honest either way: a 503 says "nothing saved" only when nothing reached the store.
      const message = error.mayBeSaved
        ? 'The referral store failed during the request: the referral may have been saved. Sending it again is safe (repeats are recognised by id).'
        : 'The referral store is unreachable; nothing was saved. Retry later.';
      sendError(res, 503, 'store-unavailable', message, undefined, { 'Retry-After': '30' });
    }
  };
}
