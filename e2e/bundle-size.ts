/**
 * Measures what the workspace's first route costs (DESIGN §6: at most 180 KB of JavaScript and
 * 40 KB of CSS, gzipped): the entry chunk with everything it imports statically, plus the lazy
 * chunks of the route that opens first (the login page when signed out, the dashboard after sign-in,
 * the meetings list) with their static imports. Run: node --import tsx e2e/bundle-size.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../packages/web/dist',
);
export const BUDGET = { js: 180 * 1024, css: 40 * 1024 };

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface RouteCost {
  route: string;
  js: number;
  css: number;
  files: string[];
}

function readManifest(dist: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** A chunk and everything it imports statically, transitively. */
function closure(manifest: Manifest, keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key) || !manifest[key]) {
      continue;
    }
    seen.add(key);
    closure(manifest, manifest[key].imports ?? [], seen);
  }
  return seen;
}

const gzipped = (dist: string, file: string) =>
  gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

export function measureRoute(route: string, lazySources: string[], dist = WEB_DIST): RouteCost {
  const manifest = readManifest(dist);
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) {
    throw new Error('No entry chunk in the manifest: build the workspace first.');
  }
  const lazy = lazySources.map((src) => {
    const key = Object.keys(manifest).find((k) => k.endsWith(src));
    if (!key) {
      throw new Error(`No chunk for ${src} in the manifest.`);
    }
    return key;
  });
  const chunks = closure(manifest, [entry, ...lazy]);
  const js = new Set<string>();
  const css = new Set<string>();
  for (const key of chunks) {
    const chunk = manifest[key]!;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) {
      css.add(file);
    }
  }
  const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gzipped(dist, f), 0);
  return { route, js: sum(js), css: sum(css), files: [...js, ...css] };
}

/** The two routes a user can land on first. */
export function measureFirstRoutes(dist = WEB_DIST): RouteCost[] {
  return [
    measureRoute('/app/login', ['src/features/auth/login-page.tsx', 'src/i18n/ru.json'], dist),
    measureRoute(
      '/app/meetings',
      ['src/features/meetings/meetings-list-page.tsx', 'src/i18n/ru.json'],
      dist,
    ),
    // The home page after sign-in.
    measureRoute(
      '/app/',
      ['src/features/implementation/dashboard-page.tsx', 'src/i18n/ru.json'],
      dist,
    ),
  ];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  let over = false;
  for (const cost of measureFirstRoutes()) {
    const ok = cost.js <= BUDGET.js && cost.css <= BUDGET.css;
    over ||= !ok;
    console.log(
      `${cost.route}: JavaScript ${kb(cost.js)} (budget ${kb(BUDGET.js)}), CSS ${kb(cost.css)} (budget ${kb(BUDGET.css)}) ${ok ? 'ok' : 'OVER BUDGET'}`,
    );
  }
  process.exitCode = over ? 1 : 0;
}
