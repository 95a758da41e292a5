// Bundles the pipeline tab (tab/) into dist/tab/: index.html and config.html, each with one script and one
// stylesheet under assets/, nothing inline (so `default-src 'self'` holds) and nothing from a CDN.
// Run by scripts/setup.mjs when tab/ changed; on its own: node scripts/build-tab.mjs
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, 'dist', 'tab');

/** Builds the tab; resolves to the bundle's size in bytes, per file. */
export async function buildTab() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: { tab: 'tab/main.tsx', config: 'tab/config-main.tsx' },
    outdir: join(outDir, 'assets'),
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    jsx: 'automatic',
    tsconfig: 'tab/tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  for (const [page, entry] of [
    ['index.html', 'tab.js'],
    ['config.html', 'config.js'],
  ]) {
    const html = readFileSync(join(root, 'tab', 'pages', page), 'utf8');
    writeFileSync(
      join(outDir, page),
      html.replace('<!-- modulepreload -->', modulePreloads(metafile, entry)),
    );
  }
  copyFileSync(join(root, 'tab', 'pages', 'tab.css'), join(outDir, 'assets', 'tab.css'));
}

/**
 * Links that fetch the chunks an entry imports together with the entry itself, instead of after it has been
 * parsed: one round trip less before the tab can draw.
 */
function modulePreloads(metafile, entry) {
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/assets/${entry}`));
  const chunks = (output?.[1].imports ?? [])
    .filter((imported) => imported.kind === 'import-statement')
    .map((imported) => basename(imported.path));
  return chunks.map((chunk) => `<link rel="modulepreload" href="/tab/assets/${chunk}" />`).join('\n    ');
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
