import type { RunningService } from '../../app/start-service';
import { SIGNATURE_HEADER, signBody } from '../../intake/signature';

/** What `POST /api/referrals` answered. */
export interface IntakeReply {
  status: number;
  /** The referral's id; empty when the request was refused. */
  id: string;
  body: {
    id?: string;
    created?: boolean;
    error?: { code: string; message: string; fields?: { field: string; code: string }[] };
  };
}

/**
 * Sends one referral through the intake API, as a source would: the JSON body signed with the service's own
 * intake secret (TEST_INTAKE_SECRET in production mode, the generated dev secret in local mode), or with
 * `secret` to play someone who holds another one.
 */
export async function postReferral(
  service: Pick<RunningService, 'url' | 'intakeSecret'>,
  json: unknown,
  options: { secret?: string } = {},
): Promise<IntakeReply> {
  const body = JSON.stringify(json);
  const res = await fetch(`${service.url}/api/referrals`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signBody(options.secret ?? service.intakeSecret, body),
    },
    body,
  });
  const text = await res.text();
  const reply = (text ? JSON.parse(text) : {}) as IntakeReply['body'];
  return { status: res.status, id: reply.id ?? '', body: reply };
}
