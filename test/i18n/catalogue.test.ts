import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_TYPES } from '../../core/guards';
import type { ReferralEventType } from '../../core/events';
import {
  CLOSE_REASONS,
  CUSTOMER_SIZES,
  PURCHASE_TIMEFRAMES,
  STATUSES,
  SUBSTATUSES_BY_STATUS,
} from '../../core/referral';
import { catalogueKeys, codeMessage, isMessageKey, localeFrom, t } from '../../i18n/catalogue';
import type { MessageModule } from '../../i18n/define-messages';
import { adviceMessages } from '../../i18n/messages/advice';
import { botMessages } from '../../i18n/messages/bot';
import { commandCardMessages } from '../../i18n/messages/command-cards';
import { coreMessages } from '../../i18n/messages/core';
import { digestMessages } from '../../i18n/messages/digest';
import { integrationMessages } from '../../i18n/messages/integration';
import { referralCardMessages } from '../../i18n/messages/referral-card';
import { schedulerMessages } from '../../i18n/messages/scheduler';
import { siteMessages } from '../../i18n/messages/site';
import { syncMessages } from '../../i18n/messages/sync';

const ROOT = join(__dirname, '../..');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every error code the core's input checks can return, read from their source so a new code cannot slip by. */
function coreErrorCodes(): string[] {
  const checks = [
    'core/validation.ts',
    'core/inputs.ts',
    'core/edit-input.ts',
    'core/assign-input.ts',
    'core/channel-preferences.ts',
  ];
  const sources = checks.map((file) => readFileSync(join(ROOT, file), 'utf8'));
  const codes = sources.flatMap((source) => [
    ...[...source.matchAll(/fail\(\s*\w+,\s*'([a-z-]+)'/g)].map((m) => m[1]!),
    ...[...source.matchAll(/\bcode: '([a-z-]+)'/g)].map((m) => m[1]!),
  ]);
  return [...new Set(codes)].sort();
}

/** Each message module, by file, as the catalogue merges them. */
const MODULES: [string, MessageModule][] = [
  ['advice.ts', adviceMessages],
  ['bot.ts', botMessages],
  ['command-cards.ts', commandCardMessages],
  ['core.ts', coreMessages],
  ['digest.ts', digestMessages],
  ['integration.ts', integrationMessages],
  ['referral-card.ts', referralCardMessages],
  ['scheduler.ts', schedulerMessages],
  ['site.ts', siteMessages],
  ['sync.ts', syncMessages],
];

// English names the keys; the first spec checks Korean has the same ones.
const KEYS = catalogueKeys('en').filter(isMessageKey);

describe('the message catalogue', () => {
  it('has exactly the same keys in English and Korean', () => {
    expect([...catalogueKeys('ko')].sort()).toEqual([...catalogueKeys('en')].sort());
  });

  it('uses the same {placeholders} for a key in both languages', () => {
    for (const key of KEYS) {
      expect({ key, placeholders: placeholders(t('ko', key)) }).toEqual({
        key,
        placeholders: placeholders(t('en', key)),
      });
    }
  });

  it('defines each key in one module only, so no area silently overrides another', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [file, module] of MODULES) {
      for (const key of Object.keys(module.en)) {
        if (owner.has(key)) clashes.push(`${key}: ${owner.get(key)} and ${file}`);
        owner.set(key, file);
      }
    }
    expect(clashes).toEqual([]);
    const files = readdirSync(join(ROOT, 'i18n/messages')).filter((file) => file.endsWith('.ts'));
    expect(MODULES.map(([file]) => file)).toEqual(files.sort());
  });

  it('has no empty message', () => {
    for (const locale of ['en', 'ko'] as const) {
      expect(KEYS.filter((key) => t(locale, key).trim() === '')).toEqual([]);
    }
  });

  it.each(['en', 'ko'] as const)('labels every core value in %s', (locale) => {
    const keys = [
      ...STATUSES.filter((s) => s !== 'Closed').map((s) => `status.${s}`),
      ...Object.values(SUBSTATUSES_BY_STATUS).flatMap((subs) => subs.map((s) => `substatus.${s}`)),
      ...CUSTOMER_SIZES.map((s) => `size.${s}`),
      ...CLOSE_REASONS.map((r) => `reason.${r}`),
      ...PURCHASE_TIMEFRAMES.map((p) => `timeframe.${p}`),
    ];
    expect(keys.filter((key) => !catalogueKeys(locale).includes(key))).toEqual([]);
  });

  it('explains every error code the core can return, in both languages', () => {
    const codes = coreErrorCodes();
    expect(codes).toEqual(
      expect.arrayContaining(['required', 'not-a-phone', 'not-a-currency', 'nothing-to-change']),
    );
    for (const locale of ['en', 'ko'] as const) {
      expect(codes.filter((code) => !catalogueKeys(locale).includes(`error.${code}`))).toEqual([]);
    }
  });

  it('has a title, a submit label and a success notice for every form of the referral card', () => {
    const verbs = COMMAND_TYPES.filter((type) => type !== 'expire');
    const keys = verbs.flatMap((verb) => [`form.${verb}.title`, `form.${verb}.submit`, `notice.${verb}`]);
    expect(keys.filter((key) => !catalogueKeys('en').includes(key))).toEqual([]);
  });

  it('tells every kind of event in the history', () => {
    const types: ReferralEventType[] = [
      'received',
      'accepted',
      'declined',
      'won',
      'lost',
      'engagement-edited',
      'contact-added',
      'expired',
      'source-updated',
    ];
    expect(types.filter((type) => !catalogueKeys('ko').includes(`history.${type}`))).toEqual([]);
  });

  it('fills placeholders and refuses a key it does not have', () => {
    expect(t('en', 'time.left', { duration: '19 h' })).toBe('19 h left');
    expect(t('ko', 'time.left', { duration: '19시간' })).toBe('19시간 남음');
    // @ts-expect-error: a key the catalogue does not have fails to compile, and throws if forced through.
    expect(() => t('en', 'no.such.key')).toThrow(/no\.such\.key/);
  });

  it('tells a message key from a string that names none', () => {
    expect(isMessageKey('error.required')).toBe(true);
    expect(isMessageKey('error.no-such-code')).toBe(false);
  });

  it.each(['en', 'ko'] as const)(
    'has a generic error and warning for a code it does not know, in %s',
    (locale) => {
      expect(catalogueKeys(locale)).toEqual(expect.arrayContaining(['error.unknown', 'warning.unknown']));
      expect(codeMessage(locale, 'error', 'no-such-code')).toBe(t(locale, 'error.unknown'));
      expect(codeMessage(locale, 'warning', 'no-such-warning')).toBe(t(locale, 'warning.unknown'));
      expect(codeMessage(locale, 'error', 'too-long', { max: 80 })).toBe(
        t(locale, 'error.too-long', { max: 80 }),
      );
    },
  );

  it('reads Teams locale tags, falling back to English', () => {
    expect(localeFrom('ko-KR')).toBe('ko');
    expect(localeFrom('en-US')).toBe('en');
    expect(localeFrom('fr-FR')).toBe('en');
    expect(localeFrom(undefined, 'ko')).toBe('ko');
  });
});
