/**
 * The budgets of DESIGN §6 that are not a speed: the workspace's first route (≤ 180 KB of
 * JavaScript and ≤ 40 KB of CSS, gzipped) and "public pages need no JavaScript".
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUDGET, measureFirstRoutes, type RouteCost, WEB_DIST } from '../../e2e/bundle-size.ts';

export interface BundleReport {
  /** Null when the workspace is not built (`npm run build`). */
  routes: (RouteCost & { pass: boolean })[] | null;
  budget: typeof BUDGET;
}

export function measureBundle(): BundleReport {
  if (!fs.existsSync(path.join(WEB_DIST, '.vite', 'manifest.json'))) {
    return { routes: null, budget: BUDGET };
  }
  return {
    routes: measureFirstRoutes().map((r) => ({
      ...r,
      pass: r.js <= BUDGET.js && r.css <= BUDGET.css,
    })),
    budget: BUDGET,
  };
}

export interface ScriptReport {
  path: string;
  status: number;
  /** Script elements other than JSON-LD data blocks, as written in the page. */
  scripts: string[];
}

/** The portal pages at `paths`, each with the scripts it would run (none is the budget). */
export async function portalScripts(origin: string, paths: string[]): Promise<ScriptReport[]> {
  const out: ScriptReport[] = [];
  for (const p of paths) {
    const res = await fetch(`${origin}${p}`, { headers: { 'accept-language': 'en' } });
    const html = await res.text();
    const scripts = [
      ...[...html.matchAll(/<script\b[^>]*>/gi)]
        .map((m) => m[0])
        .filter((tag) => !/type\s*=\s*["']?application\/ld\+json/i.test(tag)),
      // Inline handlers and javascript: links run script as well.
      ...[
        ...html.matchAll(/<[a-z][^>]*\s(?:on[a-z]+\s*=|href\s*=\s*["']?\s*javascript:)[^>]*>/gi),
      ].map((m) => m[0]),
    ];
    out.push({ path: p, status: res.status, scripts });
  }
  return out;
}
