// Bundles the pipeline tab (tab/) into dist/tab/: index.html and config.html, each with one script and one
// stylesheet under assets/, nothing inline (so `default-src 'self'` holds) and nothing from a CDN.
// Run by scripts/setup.mjs when tab/ changed; on its own: node scripts/build-tab.mjs
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, 'dist', 'tab');

/** Builds the tab; resolves to the bundle's size in bytes, per file. */
export async function buildTab() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  const shared = {
    absWorkingDir: root,
    outdir: join(outDir, 'assets'),
    bundle: true,
    minify: true,
    entryNames: '[name]-[hash]',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    tsconfig: 'tab/tsconfig.json',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  };
  // The page's first script (tab/head-start.ts), classic and whole, inline in <head>: it runs as the page is parsed,
  // with nothing to fetch first. The service's policy allows it by its hash (tab-api/pages.ts).
  const head = await build({
    ...shared,
    entryPoints: { head: 'tab/head-start.ts' },
    format: 'iife',
    write: false,
    metafile: false,
  });
  const headScript = head.outputFiles[0].text.trim();
  if (/<\/script/i.test(headScript))
    throw new Error('build-tab: the inline head script would end its own tag');
  const { metafile } = await build({
    ...shared,
    // The tab's one script is tab/early-main.ts; it loads the app (tab/main.tsx) itself, once the first page is drawn.
    entryPoints: { tab: 'tab/early-main.ts', config: 'tab/config-main.tsx' },
    format: 'esm',
    splitting: true,
    // Every asset is named by its content, so the service can let browsers keep it for good (tab-api/pages.ts):
    // a repeat visit reads nothing but the page, and Chromium reuses the scripts' compiled code.
    chunkNames: 'chunk-[hash]',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const css = readFileSync(join(root, 'tab', 'pages', 'tab.css'));
  const cssFile = `tab-${createHash('sha256').update(css).digest('hex').slice(0, 8).toUpperCase()}.css`;
  writeFileSync(join(outDir, 'assets', cssFile), css);
  for (const [page, entry] of [
    ['index.html', 'tab'],
    ['config.html', 'config'],
  ]) {
    const [script, output] = entryOutput(metafile, entry);
    const html = readFileSync(join(root, 'tab', 'pages', page), 'utf8')
      .replace('<!-- modulepreload -->', modulePreloads(output))
      .replace('/tab/assets/tab.css', `/tab/assets/${cssFile}`)
      .replace(`/tab/assets/${entry}.js`, `/tab/assets/${script}`)
      .replace('<!-- head script -->', `<script>${headScript}</script>`);
    writeFileSync(join(outDir, page), html);
  }
}

/**
 * Links that fetch the chunks an entry imports together with the entry itself, instead of after it has been
 * parsed: one round trip less before the first page can draw. Not the app the tab's script loads later: compiling
 * it then would hold up the first page (`npm run bench tab-page`: 191 ms with those links, 163 ms without).
 */
function modulePreloads(output) {
  const chunks = output.imports
    .filter((imported) => imported.kind === 'import-statement')
    .map((imported) => basename(imported.path));
  return chunks.map((chunk) => `<link rel="modulepreload" href="/tab/assets/${chunk}" />`).join('\n    ');
}

/** The file an entry point was bundled into (`tab-<hash>.js`), and esbuild's account of it. */
function entryOutput(metafile, entry) {
  const found = Object.entries(metafile.outputs).find(
    ([path, output]) => output.entryPoint && basename(path).startsWith(`${entry}-`) && path.endsWith('.js'),
  );
  if (!found) throw new Error(`build-tab: no output for the ${entry} entry`);
  return [basename(found[0]), found[1]];
}

/** Each built asset and its size in bytes. */
export function bundleSizes() {
  return readdirSync(join(outDir, 'assets')).map((file) => [
    `assets/${file}`,
    statSync(join(outDir, 'assets', file)).size,
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildTab();
  for (const [file, size] of bundleSizes()) console.log(`[build-tab] ${file}: ${Math.round(size / 1024)} KB`);
}
