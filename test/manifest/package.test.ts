import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { parseCommand } from '../../bot/commands';
import { decodeRgbaPng, pngSize } from './png';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', 'scripts', 'package-app.mjs');
const APP_ID = '3f2b8c1e-5a47-4d2e-9b6f-0c8d1e2a7b94';
const HOST = 'referrals.contoso.example';

interface Manifest {
  manifestVersion: string;
  id: string;
  version: string;
  name: { short: string };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { commands: { title: string; description: string }[] }[];
  }[];
  validDomains: string[];
  staticTabs: { entityId: string; name: string; contentUrl: string; websiteUrl: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; canUpdateConfiguration: boolean; scopes: string[] }[];
  webApplicationInfo: { id: string; resource: string };
  localizationInfo: {
    defaultLanguageTag: string;
    additionalLanguages: { languageTag: string; file: string }[];
  };
}

const MANIFEST_SCHEMA = 'MicrosoftTeams.schema.json';
const LOCALIZATION_SCHEMA = 'MicrosoftTeams.Localization.schema.json';

function officialSchema(manifestVersion: string, file: string): object {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/${file}`);
}

/**
 * The schemas are draft-04 but use no keyword whose meaning changed, so Ajv's default draft checks them as-is;
 * their patterns are not Unicode-mode ones (the localization schema's fail to compile with the `u` flag).
 */
function schemaErrors(document: unknown, manifestVersion: string, file = MANIFEST_SCHEMA): string[] {
  const { $schema: _draft04, ...schema } = officialSchema(manifestVersion, file) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

function packageApp(env: Record<string, string>, outFile: string) {
  const { MicrosoftAppId: _id, PUBLIC_HOST: _host, ...inherited } = process.env;
  return run(process.execPath, [SCRIPT, '--out', outFile], { env: { ...inherited, ...env } });
}

describe('npm run package', () => {
  let dir: string;
  let zip: JSZip;
  let manifestText: string;
  let manifest: Manifest;
  let korean: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'referral-desk-package-'));
    const outFile = join(dir, 'referral-desk.zip');
    await packageApp({ MicrosoftAppId: APP_ID, PUBLIC_HOST: `https://${HOST}/` }, outFile);
    zip = await JSZip.loadAsync(await readFile(outFile));
    manifestText = await zip.file('manifest.json')!.async('string');
    manifest = JSON.parse(manifestText) as Manifest;
    korean = JSON.parse(await zip.file('ko.json')!.async('string')) as Record<string, string>;
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  const png = async (name: string) => zip.file(name)!.async('nodebuffer');

  it('holds exactly the manifest, its Korean strings and the two icons at the root', () => {
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'ko.json', 'manifest.json', 'outline.png']);
  });

  it('is a valid Teams manifest on schema v1.19 or later, checked against the official schema', () => {
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(schemaErrors(manifest, manifest.manifestVersion)).toEqual([]);
  });

  it('fails the same schema check for a manifest Teams would refuse', () => {
    const tooLongName = { ...manifest, name: { short: 'Referral Desk for the whole partner team' } };
    expect(schemaErrors(tooLongName, manifest.manifestVersion)).toEqual([
      '/name/short must NOT have more than 30 characters',
    ]);
  });

  it('names English as its language and Korean as another, in ko.json', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'ko-kr', file: 'ko.json' }],
    });
  });

  it('has a Korean file valid against the official localization schema, and the check refuses a bad one', () => {
    expect(schemaErrors(korean, manifest.manifestVersion, LOCALIZATION_SCHEMA)).toEqual([]);
    const refused = { ...korean, 'name.short': '', 'bots[0].commandLists[0].commands[12].title': '도움말' };
    expect(schemaErrors(refused, manifest.manifestVersion, LOCALIZATION_SCHEMA)).toEqual([
      ' must NOT have additional properties',
      '/name.short must match pattern "^(?![nN][uU][lL]{2}$)\\s*\\S.*"',
    ]);
  });

  it('titles every command in Korean with the word the bot reads as that command, and describes it in Korean', () => {
    const commands = manifest.bots[0]!.commandLists[0]!.commands;
    const key = (i: number, field: string) => `bots[0].commandLists[0].commands[${i}].${field}`;
    const titles = commands.map((_command, i) => korean[key(i, 'title')]);
    expect(titles).toEqual([
      '도움말',
      '받은편지함',
      '진행중',
      '보관함',
      '보기',
      '내것',
      '통계',
      '요약',
      '설정',
    ]);
    commands.forEach((command, i) => {
      expect(parseCommand(titles[i]!)).toEqual(parseCommand(command.title));
      expect(korean[key(i, 'description')]).toMatch(/[\uAC00-\uD7A3]/);
    });
    expect(korean[key(3, 'description')]).toContain('성사, 실패, 거절, 만료');
    expect(JSON.stringify(korean)).not.toMatch(/\{\w+\}/);
    expect(korean['name.short']).toBe(manifest.name.short);
    expect(korean['description.full']).toMatch(/[\uAC00-\uD7A3]/);
  });

  it('uses the bot app id as app id and bot id, and the host as the valid domain, with no placeholder left', () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual([HOST]);
    expect(manifestText).not.toContain('${{');
  });

  it('offers the bot in personal chats, teams and group chats with every command', () => {
    expect(manifest.bots[0]!.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = manifest.bots[0]!.commandLists.flatMap((list) => list.commands.map((c) => c.title));
    expect(titles).toEqual([
      'help',
      'inbox',
      'active',
      'archived',
      'show',
      'mine',
      'stats',
      'digest',
      'settings',
    ]);
  });

  it('has the personal "My referrals" tab and the configurable "Pipeline" tab on the bot’s host', () => {
    expect(manifest.staticTabs).toEqual([
      {
        entityId: 'my-referrals',
        name: 'My referrals',
        contentUrl: `https://${HOST}/tab?view=mine&viewer={userObjectId}&lang={locale}&theme={theme}`,
        websiteUrl: `https://${HOST}/tab?view=mine`,
        scopes: ['personal'],
      },
    ]);
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: `https://${HOST}/tab/config`,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
      }),
    ]);
    expect(korean['staticTabs[0].name']).toBe('내 리퍼럴');
  });

  it('names the bot’s app registration and its API for the tab’s single sign-on', () => {
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://${HOST}/${APP_ID}` });
    // The tab's pages and API are on the one valid domain.
    expect(manifest.validDomains).toEqual([HOST]);
  });

  it('has a 192×192 colour icon and a 32×32 outline icon', async () => {
    expect(pngSize(await png('color.png'))).toEqual({ width: 192, height: 192 });
    expect(pngSize(await png('outline.png'))).toEqual({ width: 32, height: 32 });
  });

  it('draws the outline icon in white on transparent only, as Teams requires', async () => {
    const { rgba } = decodeRgbaPng(await png('outline.png'));
    let drawn = 0;
    const otherColours = new Set<string>();
    for (let at = 0; at < rgba.length; at += 4) {
      if (rgba[at + 3] === 0) continue;
      drawn++;
      const [r, g, b] = [rgba[at], rgba[at + 1], rgba[at + 2]];
      if (r !== 255 || g !== 255 || b !== 255) otherColours.add(`${r},${g},${b}`);
    }
    expect(otherColours).toEqual(new Set());
    expect(drawn).toBeGreaterThan(100);
  });

  it('stops with a message naming MicrosoftAppId when the app id is missing', async () => {
    const failure = packageApp({ PUBLIC_HOST: HOST }, join(dir, 'missing-id.zip'));
    await expect(failure).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('MicrosoftAppId is not set'),
    });
  });

  it('stops with a message naming PUBLIC_HOST when the host is missing or not a bare https host', async () => {
    const missing = packageApp({ MicrosoftAppId: APP_ID }, join(dir, 'missing-host.zip'));
    await expect(missing).rejects.toMatchObject({
      stderr: expect.stringContaining('PUBLIC_HOST is not set'),
    });
    const plainHttp = packageApp(
      { MicrosoftAppId: APP_ID, PUBLIC_HOST: `http://${HOST}` },
      join(dir, 'http.zip'),
    );
    await expect(plainHttp).rejects.toMatchObject({ stderr: expect.stringContaining('PUBLIC_HOST must be') });
  });
});
