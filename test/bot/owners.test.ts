import { t } from '../../i18n/catalogue';
import { startTestService } from '../support/service';
import { startDesk, type Desk } from '../support/desk';
import { postReferral } from '../support/intake';
import { noticeKindOf } from '../support/notices';
import { SAMPLE_CUSTOMER, sampleReferralJson } from '../support/sample-referral';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';
import { cardText, DANA, LEE } from '../support/teams-client';

const START = new Date('2026-11-02T09:00:00Z');
const HOUR = 3600_000;

/** The card an activity carries, if any. */
const cardOf = (activity: Record<string, unknown>) =>
  ((activity['attachments'] ?? []) as { content?: unknown }[])[0]?.content;

describe('owners and personal alerts', () => {
  let store: TestStore;
  let desk: Desk;
  let now: Date;

  beforeAll(async () => {
    store = await startTestStore();
  });
  afterAll(async () => {
    await store?.stop();
  });
  afterEach(async () => {
    await desk?.stop();
  });

  /** The bot in Dana's team (Dana and Lee), one referral posted to its General channel. */
  async function oneReferral(database?: string) {
    now = START;
    desk = await startDesk(store, { clock: () => now, ...(database ? { database } : {}) });
    await desk.teams.installInTeam(DANA);
    const { id } = await postReferral(desk.service, sampleReferralJson('owned'));
    await desk.service.idle();
    return id;
  }
  const assign = (referralId: string, ownerId: string) =>
    desk.teams.click(DANA, 'assign', { referralId, form: 'assign', 'assign.owner': ownerId });
  /** What the bot sent to Lee's personal chat. */
  const leesNotes = () =>
    desk.peer.messages.filter((m) => m.conversationId === desk.peer.personalChats.get(LEE.id));

  it('shows the assigned owner on the card and sends them one note with a link to the thread', async () => {
    const id = await oneReferral();
    const reply = await assign(id, LEE.aadObjectId);
    expect(cardText(reply.body.value)).toContain(t('en', 'card.owner', { owner: LEE.name }));
    await desk.service.idle();

    // Everyone's card names Lee.
    const thread = desk.peer.threadsWith(id)[0]!;
    const redrawn = desk.peer.updates.filter((u) => u.activityId === thread.activityId).at(-1)!;
    expect(cardText(redrawn.activity)).toContain(t('en', 'card.owner', { owner: LEE.name }));
    expect(await desk.service.referrals.load(id)).toMatchObject({ owner: { id: LEE.aadObjectId } });

    const notes = leesNotes();
    expect(notes).toHaveLength(1);
    const note = cardOf(notes[0]!.activity);
    expect(cardText(note)).toContain(t('en', 'ownerNotice.title', { customer: SAMPLE_CUSTOMER }));
    const open = JSON.stringify(note);
    expect(open).toContain('https://teams.microsoft.com/l/message/');
    expect(open).toContain(encodeURIComponent(thread.activityId));

    // Assigning her again, or anyone accepting, sends nothing more.
    await assign(id, LEE.aadObjectId);
    await desk.service.idle();
    expect(leesNotes()).toHaveLength(1);
    // Dana assigning herself needs no note.
    await assign(id, DANA.aadObjectId);
    await desk.service.idle();
    expect(desk.peer.personalChats.get(DANA.id)).toBeUndefined();
  });

  it('sends one note when two workers finish the same assignment at once', async () => {
    const database = freshDatabase('owners-race');
    const id = await oneReferral(database);
    const other = await startTestService(store.uri, { local: true, clock: () => now, database });
    try {
      // The second worker finishes every mark it sees, the one for the assignment included, while the first
      // is still carrying it out.
      let assigned = false;
      const sweeping = (async () => {
        while (!assigned) await other.effects.recover({ all: true });
      })();
      await assign(id, LEE.aadObjectId);
      assigned = true;
      await sweeping;
      await Promise.all([desk.service.idle(), other.idle(), other.effects.recover({ all: true })]);
      await other.idle();
      expect(leesNotes()).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });

  it('names the owner in the 24-hour reminder', async () => {
    const id = await oneReferral();
    await assign(id, LEE.aadObjectId);
    await desk.service.idle();
    now = new Date(START.getTime() + 25 * HOUR);
    await desk.service.scheduler.tick(now);
    await desk.service.idle();
    const thread = desk.peer.threadsWith(id)[0]!;
    const reminders = desk.peer.replies.filter(
      (r) => r.replyToId === thread.activityId && noticeKindOf(r.activity, SAMPLE_CUSTOMER) === 'reminder',
    );
    expect(reminders).toHaveLength(1);
    const reminder = cardOf(reminders[0]!.activity) as { msteams?: { entities?: unknown[] } };
    expect(reminder.msteams?.entities).toEqual([
      { type: 'mention', text: `<at>${LEE.name}</at>`, mentioned: { id: LEE.aadObjectId, name: LEE.name } },
    ]);
    expect(cardText(reminder)).toContain(`<at>${LEE.name}</at>`);
  });
});
