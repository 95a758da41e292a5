import { t } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/format';
import { startDesk, type Desk } from '../support/desk';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';
import { acceptForm, cardFacts, cardText, DANA, LEE } from '../support/teams-client';

// 09:00 in UTC (the service's default zone here) is 18:00 in Seoul.
const START = new Date('2026-11-02T09:00:00Z');

describe('a channel’s own language and time zone', () => {
  let store: TestStore;
  let desk: Desk;

  beforeAll(async () => {
    store = await startTestStore();
  });
  afterAll(async () => {
    await store?.stop();
  });
  afterEach(async () => {
    await desk?.stop();
  });

  it('draws a ko + Asia/Seoul channel’s cards in Korean with Seoul times whoever clicks; the clicker’s reply is theirs', async () => {
    desk = await startDesk(store, { clock: () => START });
    await desk.teams.installInTeam(DANA);
    const saved = await desk.teams.click(DANA, 'settings-save', {
      isDefault: 'true',
      locale: 'ko',
      timeZone: 'Asia/Seoul',
    });
    expect(cardText(saved.body.value)).toContain(t('en', 'settings.saved'));

    const { id } = await postReferral(desk.service, sampleReferralJson('seoul'));
    await desk.service.idle();
    const thread = desk.peer.threadsWith(id)[0]!;
    const seoulTime = formatDateTime('ko', 'Asia/Seoul', START);
    expect(seoulTime).not.toBe(formatDateTime('ko', 'UTC', START));
    expect(cardText(thread.activity)).toContain(t('ko', 'card.received', { when: '1분 전' }));

    // Someone types in Korean, then an English speaker in Los Angeles accepts: the channel's card stays Korean and
    // in Seoul time; the English speaker's own reply is English, in their time.
    await desk.command('help', { locale: 'ko-KR' });
    const reply = await desk.teams.click(LEE, 'accept', acceptForm(id), {
      locale: 'en-US',
      localTimezone: 'America/Los_Angeles',
    });
    const own = cardText(reply.body.value);
    expect(own).toContain(t('en', 'notice.accept'));
    expect(cardFacts(reply.body.value)[t('en', 'fact.acceptedBy')]).toBe(
      `${LEE.name} · ${formatDateTime('en', 'America/Los_Angeles', START)}`,
    );
    await desk.service.idle();
    const redrawn = desk.peer.updates.filter((u) => u.activityId === thread.activityId).at(-1)!;
    expect(cardFacts(redrawn.activity)[t('ko', 'fact.acceptedBy')]).toBe(`${LEE.name} · ${seoulTime}`);
    expect(cardText(redrawn.activity)).not.toContain(t('en', 'notice.accept'));
  });
});
