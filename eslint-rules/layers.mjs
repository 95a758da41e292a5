// Dependencies point one way. Each top-level folder may import only the folders listed for it here; anything
// else (an edge importing another edge, or anything importing app/) fails lint. Tests, benches and scripts may
// import anything.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder → the folders of ours it may import (besides itself). */
export const LAYERS = {
  core: [],
  platform: ['core'],
  i18n: ['core'],
  storage: ['core'],
  cards: ['core', 'i18n'],
  services: ['core', 'storage', 'platform'],
  outbound: ['core', 'i18n', 'cards', 'storage', 'platform', 'services'],
  // The edges: each turns something outside (Teams, time, HTTP, Partner Center) into calls on the layers below.
  bot: ['core', 'i18n', 'cards', 'storage', 'platform', 'services', 'outbound'],
  scheduler: ['core', 'i18n', 'cards', 'storage', 'platform', 'services', 'outbound'],
  intake: ['core', 'storage', 'platform', 'services'],
  'partner-center': ['core', 'storage', 'platform', 'services'],
  site: ['core', 'i18n', 'platform'],
  'tab-api': ['core', 'i18n', 'storage', 'platform', 'services'],
  // The pipeline tab runs in the browser and talks to the service over HTTP only (docs/tab-api.md); it shares the
  // pure rules' constants (core/) and the catalogue's words (i18n/), nothing that does I/O.
  tab: ['core', 'i18n'],
  // The composition root wires everything.
  app: '*',
};

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folderOf = (file) => relative(rootDir, file).split(/[\\/]/)[0];

export const layersPlugin = {
  rules: {
    imports: {
      meta: {
        type: 'problem',
        docs: { description: 'Keeps the dependency direction of README "Architecture".' },
        schema: [],
      },
      create(context) {
        const from = folderOf(context.filename);
        const allowed = LAYERS[from];
        if (allowed === undefined || allowed === '*') return {};
        const check = (node) => {
          const spec = node.source?.value;
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const to = folderOf(resolve(dirname(context.filename), spec));
          if (to === from || !(to in LAYERS) || allowed.includes(to)) return;
          context.report({
            node: node.source,
            message: `${from}/ may not import ${to}/ (allowed: ${allowed.join(', ') || 'nothing of ours'}); see README "Architecture".`,
          });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
      },
    },
  },
};
