// Bundles the pipeline tab (tab/) into dist/tab/, nothing from a CDN: index.html, with its style and its first script
// inline (that script loads the app, assets/tab-<hash>.js, once the first page is drawn; the service's policy names
// the script by its hash), and config.html, with one script and one stylesheet under assets/.
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
  const { metafile } = await build({
    ...shared,
    // The pipeline's app (tab/main.tsx), which the page's first script loads once the first page is drawn, and
    // the configuration page's.
    entryPoints: { tab: 'tab/main.tsx', config: 'tab/config-main.tsx' },
    format: 'esm',
    splitting: true,
    // Every asset is named by its content, so the service can let browsers keep it for good (tab-api/pages.ts):
    // a repeat visit reads nothing but the page, and Chromium reuses the scripts' compiled code.
    chunkNames: 'chunk-[hash]',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  // The pipeline page's first script (tab/head-start.ts), classic and whole, inline in <head>: it runs as the page
  // is parsed, with nothing to fetch first, and loads the app's script by the name given here. The service's policy
  // allows it by its hash (tab-api/pages.ts).
  const head = await build({
    ...shared,
    entryPoints: { head: 'tab/head-start.ts' },
    format: 'iife',
    define: { TAB_APP_SCRIPT: JSON.stringify(`/tab/assets/${entryOutput(metafile, 'tab')[0]}`) },
    write: false,
    metafile: false,
  });
  const headScript = head.outputFiles[0].text.trim();
  if (/<\/script/i.test(headScript))
    throw new Error('build-tab: the inline head script would end its own tag');
  const css = readFileSync(join(root, 'tab', 'pages', 'tab.css'));
  const cssFile = `tab-${createHash('sha256').update(css).digest('hex').slice(0, 8).toUpperCase()}.css`;
  writeFileSync(join(outDir, 'assets', cssFile), css);
  // The pipeline page carries its style inline too: it draws its first page before any file could have loaded.
  // (The replacements are functions: a string's `$&` or `$'` would be read as a pattern.)
  const pages = [
    [
      'index.html',
      { inline: { style: `<style>${css}</style>`, 'head script': `<script>${headScript}</script>` } },
    ],
    ['config.html', { entry: 'config', inline: {} }],
  ];
  for (const [page, { entry, inline }] of pages) {
    let html = readFileSync(join(root, 'tab', 'pages', page), 'utf8')
      .replace('<!-- style -->', () => inline.style ?? '')
      .replace('<!-- head script -->', () => inline['head script'] ?? '')
      .replace('/tab/assets/tab.css', `/tab/assets/${cssFile}`);
    if (entry) {
      const [script, output] = entryOutput(metafile, entry);
      html = html
        .replace('<!-- modulepreload -->', () => modulePreloads(output))
        .replace(`/tab/assets/${entry}.js`, `/tab/assets/${script}`);
    }
    writeFileSync(join(outDir, page), html);
  }
}

/**
 * Links that fetch the chunks an entry imports together with the entry itself, instead of after it has been
 * parsed: one round trip less. Only the configuration page has them: the pipeline page loads its app after the first
 * page is drawn, since fetching and compiling it sooner would hold that page up.
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
