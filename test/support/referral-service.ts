import { Writable } from 'node:stream';
import type { Db } from 'mongodb';
import type { Clock } from '../../platform/clock';
import { createLogger } from '../../platform/logger';
import { createChangeEffects, type ChangeEffect, type ChangeEffects } from '../../services/change-effects';
import { createReferralService, type ReferralService } from '../../services/referral-service';
import { pendingChanges } from '../../storage/pending-changes';
import { referralEventLog } from '../../storage/referral-events';
import { referralProjections } from '../../storage/referrals';

/**
 * The referral service on `db` as the service builds it, with the projection effect and whatever `effects` a
 * spec adds; failures of effects are thrown from `idle()`-driven checks by the spec itself.
 */
export function testReferralService(
  db: Db,
  options: { clock: Clock; effects?: ChangeEffect[] },
): { service: ReferralService; effects: ChangeEffects } {
  const events = referralEventLog(db);
  const projections = referralProjections(db);
  const log = createLogger('fatal', new Writable({ write: (_chunk, _encoding, done) => done() }));
  const effects = createChangeEffects({
    marks: pendingChanges(db),
    load: async (id) => service.load(id),
    effects: [
      { name: 'projection', run: ({ referral }) => projections.save(referral, options.clock()) },
      ...(options.effects ?? []),
    ],
    clock: options.clock,
    log,
  });
  const service = createReferralService({ events, projections, effects, clock: options.clock });
  return { service, effects };
}
