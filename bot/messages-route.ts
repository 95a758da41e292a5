import type { Request, Response } from 'restify';
import type { CloudAdapter, ActivityHandler } from 'botbuilder';
import { sendError } from '../platform/http-errors';
import { BodyTooLargeError, readRawBody, utf8Text } from '../platform/read-body';

// Teams activities stay well under this (a card is at most ~100 KB); anything larger is not from Teams.
const ACTIVITY_BODY_LIMIT_BYTES = 1024 * 1024;

/** POST /api/messages: activities from Teams (or the Agents Playground), handed to the adapter. */
export function messagesRoute(adapter: CloudAdapter, bot: ActivityHandler) {
  return async (req: Request, res: Response): Promise<void> => {
    let text: string | undefined;
    try {
      text = utf8Text(await readRawBody(req, ACTIVITY_BODY_LIMIT_BYTES));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendError(res, 413, 'payload-too-large', error.message);
      throw error;
    }
    if (text === undefined)
      return sendError(res, 400, 'invalid-encoding', 'The activity is not valid UTF-8.');
    try {
      (req as { body?: unknown }).body = JSON.parse(text);
    } catch {
      return sendError(res, 400, 'malformed-json', 'The activity is not valid JSON.');
    }
    await adapter.process(req, res, (context) => bot.run(context));
  };
}
