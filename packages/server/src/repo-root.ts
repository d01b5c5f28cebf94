import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root: the nearest directory above this module holding the server package.
 * Found rather than counted, since the same code runs from `src/` and from a compiled build in
 * `dist/<digest>/` (bin/server-build.mjs), one level deeper.
 */
export const REPO_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'packages', 'server', 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No Plenum repository above ${fileURLToPath(import.meta.url)}`);
    }
    dir = parent;
  }
  return dir;
})();
