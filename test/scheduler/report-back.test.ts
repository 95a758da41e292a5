import type { RunningService } from '../../app/start-service';
import { t } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/format';
import { lee } from '../core/fixtures';
import { startDesk, type Desk } from '../support/desk';
import { postReferral } from '../support/intake';
import { SAMPLE_CUSTOMER, sampleReferralJson } from '../support/sample-referral';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';
import { startTestService } from '../support/service';
import { cardText, LEE } from '../support/teams-client';

const START = new Date('2026-11-02T09:00:00Z');
const ENGAGEMENT = 'Contoso landing zone';

const day = (iso: string) => formatDate('en', 'UTC', new Date(`${iso}T00:00:00Z`));

/** The card an activity carries, if any. */
const cardOf = (activity: Record<string, unknown>) =>
  ((activity['attachments'] ?? []) as { content?: unknown }[])[0]?.content;

describe('the report-back reminder', () => {
  let store: TestStore;
  let desk: Desk;
  let other: RunningService | undefined;
  let now = START;

  beforeAll(async () => {
    store = await startTestStore();
  });
  afterEach(async () => {
    await other?.stop();
    await desk?.stop();
  });
  afterAll(async () => {
    await store?.stop();
  });

  /** What the bot sent to Lee's personal chat. */
  const leesNotes = () =>
    desk.peer.messages.filter((m) => m.conversationId === desk.peer.personalChats.get(LEE.id));
  const reminders = () =>
    leesNotes().filter((m) =>
      cardText(cardOf(m.activity)).includes(t('en', 'reportBack.title', { name: ENGAGEMENT })),
    );
  /** Both workers tick at `at`, at the same time, and then their effects settle. */
  const bothTick = async (at: Date) => {
    now = at;
    await Promise.all([desk.service.scheduler.tick(at), other!.scheduler.tick(at)]);
    await Promise.all([desk.service.idle(), other!.idle()]);
  };

  it('reminds the owner once when the purchase date has passed, though two workers tick; a new date, once more', async () => {
    now = START;
    const database = freshDatabase('report-back');
    desk = await startDesk(store, { clock: () => now, database });
    await desk.teams.installInTeam();
    const { id } = await postReferral(desk.service, sampleReferralJson('report-back'));
    const accept = {
      engagementName: ENGAGEMENT,
      value: '50000',
      currency: 'USD',
      purchaseDate: '2026-11-10',
    };
    expect(await desk.service.referrals.apply(id, { type: 'accept', input: accept }, lee)).toMatchObject({
      status: 'applied',
    });
    await desk.service.idle();
    // A second instance on the same store: its directory reads the Active referral at start.
    other = await startTestService(store.uri, { local: true, clock: () => now, database });

    // On the purchase day itself nothing is due yet: the date is a day, and the day is not over.
    await bothTick(new Date('2026-11-10T12:00:00Z'));
    expect(reminders()).toHaveLength(0);

    await bothTick(new Date('2026-11-11T00:30:00Z'));
    expect(reminders()).toHaveLength(1);
    const note = cardOf(reminders()[0]!.activity);
    const text = cardText(note);
    expect(text).toContain(SAMPLE_CUSTOMER);
    expect(text).toContain(t('en', 'reportBack.body', { date: day('2026-11-10') }));
    expect(JSON.stringify(note)).toContain('https://teams.microsoft.com/l/message/');
    // Every later tick, by either worker, sends nothing more.
    for (const hours of [1, 2, 24, 48]) await bothTick(new Date(Date.UTC(2026, 10, 11, hours)));
    expect(reminders()).toHaveLength(1);

    // Lee sets a new date: when that one passes, one more reminder.
    now = new Date('2026-11-12T09:00:00Z');
    const edit = await desk.service.referrals.apply(
      id,
      { type: 'edit', input: { purchaseDate: '2026-11-20' } },
      lee,
    );
    expect(edit).toMatchObject({ status: 'applied' });
    await desk.service.idle();
    await bothTick(new Date('2026-11-20T23:00:00Z'));
    expect(reminders()).toHaveLength(1);
    await bothTick(new Date('2026-11-21T01:00:00Z'));
    await bothTick(new Date('2026-11-21T02:00:00Z'));
    expect(reminders()).toHaveLength(2);
    expect(cardText(cardOf(reminders()[1]!.activity))).toContain(
      t('en', 'reportBack.body', { date: day('2026-11-20') }),
    );

    // Reported Won: nothing is due any more, whatever the date.
    await desk.service.referrals.apply(id, { type: 'won', input: {} }, lee);
    await desk.service.idle();
    await bothTick(new Date('2026-12-01T01:00:00Z'));
    expect(reminders()).toHaveLength(2);
  }, 60_000);
});
