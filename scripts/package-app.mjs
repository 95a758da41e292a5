// `npm run package`: builds the Teams app package dist/referral-desk.zip (manifest.json, its language files such as
// ko.json, color.png, outline.png) from manifest/manifest.template.json, manifest/<language>.template.json, the
// command words in i18n/command-words.json and the SVG icons, for upload to Teams or the Teams admin center.
//
//   MicrosoftAppId=<guid> PUBLIC_HOST=referrals.contoso.com npm run package [-- --out path/to/app.zip]
import { Buffer } from 'node:buffer';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const PLACEHOLDER = /\$\{\{([A-Z_]+)\}\}/g;
// A fixed entry date makes the same inputs give a byte-identical package.
const ENTRY_DATE = new Date('2025-01-01T00:00:00Z');

export const DEFAULT_OUT_FILE = join(root, 'dist', 'referral-desk.zip');

/** A setting or input that stops packaging; the message names what to fix. */
export class PackageError extends Error {}

/**
 * Reads the two settings packaging needs. The Azure Bot's app id is both the Teams app id and the bot id, so one
 * registration serves both; PUBLIC_HOST is the public https host Teams reaches the bot on.
 */
export function readPackageSettings(env = process.env) {
  const appId = env.MicrosoftAppId?.trim();
  if (!appId) {
    throw new PackageError(
      'MicrosoftAppId is not set: set it to the Azure Bot app id (a GUID); it is the Teams app id and the bot id.',
    );
  }
  if (!GUID.test(appId)) throw new PackageError(`MicrosoftAppId must be a GUID, got "${appId}".`);
  const host = env.PUBLIC_HOST?.trim();
  if (!host) {
    throw new PackageError(
      'PUBLIC_HOST is not set: set it to the public https host of the bot, e.g. referrals.contoso.com.',
    );
  }
  return { appId, host: hostNameOf(host) };
}

/** Accepts `referrals.contoso.com` or `https://referrals.contoso.com/`; Teams wants the bare domain. */
function hostNameOf(value) {
  let url;
  try {
    url = new URL(value.includes('://') ? value : `https://${value}`);
  } catch {
    throw new PackageError(`PUBLIC_HOST must be a host name like referrals.contoso.com, got "${value}".`);
  }
  if (url.protocol !== 'https:' || url.port || url.pathname !== '/' || url.search || url.username) {
    throw new PackageError(
      `PUBLIC_HOST must be a bare https host name like referrals.contoso.com (no port or path), got "${value}".`,
    );
  }
  return url.hostname;
}

/** The manifest with every `${{NAME}}` placeholder replaced; an unknown placeholder is an error, not a blank. */
export function renderManifest(template, { appId, host }) {
  const values = { APP_ID: appId, BOT_ID: appId, HOST: host };
  const substitute = (text) =>
    text.replace(PLACEHOLDER, (_match, name) => {
      if (!(name in values))
        throw new PackageError(`manifest template uses an unknown placeholder \${{${name}}}.`);
      return values[name];
    });
  return JSON.parse(JSON.stringify(template), (_key, value) =>
    typeof value === 'string' ? substitute(value) : value,
  );
}

/**
 * The official Teams schema for the manifest's version, from @microsoft/app-manifest (never downloaded): the
 * manifest's own, or with `MicrosoftTeams.Localization.schema.json` the one for its language files.
 */
export function loadTeamsSchema(manifestVersion, file = 'MicrosoftTeams.schema.json') {
  const path = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/${file}`,
  );
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** What the bot reads, per command and language; the manifest's command titles must be these words. */
export function loadCommandWords() {
  return JSON.parse(readFileSync(join(root, 'i18n', 'command-words.json'), 'utf8'));
}

/** Every command and argument word in `locale`, named as in the message catalogue: `{archived}`, `{giveUp}`. */
function wordParams(words, locale) {
  const entries = [
    ...Object.entries(words.commands),
    ...Object.values(words.arguments).flatMap((byArgument) => Object.entries(byArgument)),
  ];
  return Object.fromEntries(
    entries.map(([key, inLanguage]) => [
      key.replace(/-(\w)/g, (_dash, letter) => letter.toUpperCase()),
      inLanguage[locale],
    ]),
  );
}

/**
 * A language file for the package, from its template: the template's strings with `{word}` placeholders filled by
 * that language's command words, and each manifest command's title and description in that language.
 */
export function renderLanguageFile(template, manifest, languageTag, words = loadCommandWords()) {
  const locale = languageTag.toLowerCase().split('-')[0];
  if (words.commands.help?.[locale] === undefined)
    throw new PackageError(`i18n/command-words.json has no "${locale}" words for ${languageTag}.`);
  const params = wordParams(words, locale);
  const fill = (text) =>
    text.replace(/\{(\w+)\}/g, (_match, name) => {
      if (params[name] === undefined)
        throw new PackageError(
          `the ${languageTag} strings use {${name}}, which is no command or argument word.`,
        );
      return params[name];
    });
  const { commands: descriptions = {}, ...strings } = template;
  const file = Object.fromEntries(Object.entries(strings).map(([key, text]) => [key, fill(text)]));
  const described = new Set();
  for (const { at, name } of manifestCommands(manifest, words)) {
    if (descriptions[name] === undefined)
      throw new PackageError(`the ${languageTag} strings have no commands.${name} description.`);
    // Teams sends a localized title to the bot as it is, so the title is the language's word for the command.
    file[`${at}.title`] = words.commands[name][locale];
    file[`${at}.description`] = fill(descriptions[name]);
    described.add(name);
  }
  const unused = Object.keys(descriptions).filter((name) => !described.has(name));
  if (unused.length > 0)
    throw new PackageError(
      `the ${languageTag} strings describe commands the manifest lacks: ${unused.join(', ')}.`,
    );
  return file;
}

/** Each command of the manifest's command lists: its localization key prefix, and the command its title names. */
function manifestCommands(manifest, words) {
  return (manifest.bots ?? []).flatMap((bot, b) =>
    (bot.commandLists ?? []).flatMap((list, l) =>
      list.commands.map((command, c) => {
        const name = Object.keys(words.commands).find((key) => words.commands[key].en === command.title);
        if (!name)
          throw new PackageError(
            `manifest command "${command.title}" is not the English word of a command in i18n/command-words.json.`,
          );
        return { at: `bots[${b}].commandLists[${l}].commands[${c}]`, name };
      }),
    ),
  );
}

/** The language file `file` (`ko.json`, from manifest/ko.template.json), checked against the localization schema. */
function languageFileOf(manifest, { languageTag, file }) {
  const template = JSON.parse(
    readFileSync(join(root, 'manifest', file.replace(/\.json$/, '.template.json')), 'utf8'),
  );
  const strings = renderLanguageFile(template, manifest, languageTag);
  const schema = loadTeamsSchema(manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json');
  const errors = schemaErrorsOf(strings, schema);
  if (errors.length > 0) {
    throw new PackageError(
      `${file} (${languageTag}) does not match the Teams localization schema v${manifest.manifestVersion}:\n  ${errors.join('\n  ')}`,
    );
  }
  return { file, strings };
}

/**
 * Validation errors of a manifest (or a language file, with its schema) against the official schema, as `path
 * message` lines. The schemas are draft-04 but use no keyword whose meaning changed since (no `id`, no boolean
 * exclusive bounds), so Ajv's default draft validates them identically once the draft-04 meta-schema reference is
 * dropped. Their patterns are plain ECMAScript ones, not Unicode-mode ones: the localization schema's
 * `activityTypes\[\b(…)\b]` has a `]` that the `u` flag refuses, so Ajv compiles them without it.
 */
export function schemaErrorsOf(manifest, schema = loadTeamsSchema(manifest.manifestVersion)) {
  const body = { ...schema };
  delete body.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(body);
  if (validate(manifest)) return [];
  // An unknown key is the likely mistake in a language file: name it.
  const extra = (error) => (error.params?.additionalProperty ? `: ${error.params.additionalProperty}` : '');
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message}${extra(error)}`,
  );
}

/** Renders an icon SVG to PNG at the size the SVG declares. */
export function renderIcon(svgPath) {
  return Buffer.from(new Resvg(readFileSync(svgPath, 'utf8')).render().asPng());
}

/** Builds the package and writes it to `outFile`; returns what it wrote. */
export async function packageApp(settings, { outFile = DEFAULT_OUT_FILE } = {}) {
  const template = JSON.parse(readFileSync(join(root, 'manifest', 'manifest.template.json'), 'utf8'));
  const manifest = renderManifest(template, settings);
  const errors = schemaErrorsOf(manifest);
  if (errors.length > 0) {
    throw new PackageError(
      `manifest does not match the Teams schema v${manifest.manifestVersion}:\n  ${errors.join('\n  ')}`,
    );
  }
  const languageFiles = (manifest.localizationInfo?.additionalLanguages ?? []).map((language) =>
    languageFileOf(manifest, language),
  );
  const zip = new JSZip();
  const entry = { date: ENTRY_DATE };
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, entry);
  for (const { file, strings } of languageFiles)
    zip.file(file, `${JSON.stringify(strings, null, 2)}\n`, entry);
  zip.file(manifest.icons.color, renderIcon(join(root, 'manifest', 'icons', 'color.svg')), entry);
  zip.file(manifest.icons.outline, renderIcon(join(root, 'manifest', 'icons', 'outline.svg')), entry);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, bytes);
  return { outFile, manifest };
}

function outFileFromArgs(args) {
  const at = args.indexOf('--out');
  if (at === -1) return DEFAULT_OUT_FILE;
  const value = args[at + 1];
  if (!value) throw new PackageError('--out needs a file path.');
  return resolve(value);
}

async function main() {
  try {
    const { outFile, manifest } = await packageApp(readPackageSettings(), {
      outFile: outFileFromArgs(process.argv.slice(2)),
    });
    console.log(`[package] wrote ${outFile} (app ${manifest.id}, host ${manifest.validDomains[0]})`);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(`[package] ${error.message}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
