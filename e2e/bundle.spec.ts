import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET, measureFirstRoutes, WEB_DIST } from './bundle-size.ts';

// DESIGN §6: the workspace's first route ≤ 180 KB of JavaScript and ≤ 40 KB of CSS, gzipped.
// `npm run e2e` builds first, so this measures the build that the browser tests use.
describe('workspace bundle budget', () => {
  it('is built', () => {
    expect(fs.existsSync(path.join(WEB_DIST, '.vite', 'manifest.json'))).toBe(true);
  });

  for (const cost of fs.existsSync(path.join(WEB_DIST, '.vite', 'manifest.json'))
    ? measureFirstRoutes()
    : []) {
    it(`${cost.route} stays within ${BUDGET.js / 1024} KB of JavaScript and ${BUDGET.css / 1024} KB of CSS`, () => {
      expect(cost.js).toBeLessThanOrEqual(BUDGET.js);
      expect(cost.css).toBeLessThanOrEqual(BUDGET.css);
    });
  }
});
