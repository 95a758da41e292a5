// Bundles the pipeline tab (tab/) into dist/tab/: index.html and config.html, each with one script and one
// stylesheet under assets/, nothing inline (so `default-src 'self'` holds) and nothing from a CDN.
// Run by scripts/setup.mjs when tab/ changed; on its own: node scripts/build-tab.mjs
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, 'dist', 'tab');

/** Builds the tab; resolves to the bundle's size in bytes, per file. */
export async function buildTab() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  await build({
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
  for (const page of ['index.html', 'config.html', 'tab.css']) {
    copyFileSync(
      join(root, 'tab', 'pages', page),
      join(outDir, page === 'tab.css' ? 'assets/tab.css' : page),
    );
  }
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
