// The server compiled to plain JavaScript before it runs. Type stripping through a loader (tsx)
// keeps a second V8 isolate and every module's source twice in memory: about 50 MB of the
// 300 MB budget (DESIGN §6). esbuild compiles our own code (the server, @plenum/shared) into
// ES modules, one chunk per lazily imported part, and leaves every npm package external, so
// heavy libraries still load on first use and native modules resolve from node_modules.
//
// A build lives in a directory named by the digest of its inputs, so any checkout, branch or
// edit gets its own build, and processes starting together never see a half-written one.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds kept beside the newest, for processes still running an older one (lazy chunks). */
const KEEP_OLDER = 2;

/** The source files under `dir`: builds (`dist/`, possibly inside an input) are not sources. */
function sources(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'dist' && entry.name !== 'node_modules') {
        sources(full, out);
      }
    } else if (/\.(ts|mjs|js|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

/**
 * The compiled entries, building them when this exact source has not been built yet.
 *
 * @param {object} spec
 * @param {string[]} spec.entries  entry files, relative to the repository root
 * @param {string[]} spec.inputs   directories whose files the entries are made of
 * @param {string} spec.outRoot    where builds are kept, relative to the repository root
 * @returns {Promise<Record<string, string>>} each entry's compiled file, by entry
 */
export async function serverBuild({ entries, inputs, outRoot }) {
  const require = createRequire(path.join(ROOT, 'packages', 'server', 'package.json'));
  const esbuild = require('esbuild');
  const digest = createHash('sha256');
  digest.update(`esbuild ${esbuild.version}\n${entries.join('\n')}\n`);
  for (const dir of inputs) {
    for (const file of sources(path.join(ROOT, dir)).sort()) {
      digest.update(`${path.relative(ROOT, file)}\n`).update(fs.readFileSync(file));
    }
  }
  const name = digest.digest('hex').slice(0, 16);
  const compiled = (dir) =>
    Object.fromEntries(
      entries.map((e) => [e, path.join(dir, `${path.basename(e).replace(/\.ts$/, '')}.mjs`)]),
    );
  const root = path.join(ROOT, outRoot);
  if (!fs.existsSync(path.join(root, name, '.complete'))) {
    await buildInto(esbuild, entries, root, name);
  }
  return compiled(path.join(root, name));
}

async function buildInto(esbuild, entries, root, name) {
  const dir = path.join(root, name);
  fs.mkdirSync(root, { recursive: true });
  const staging = `${dir}.tmp-${process.pid}`;
  await esbuild.build({
    entryPoints: entries.map((e) => path.join(ROOT, e)),
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    // Maps sit beside the chunks; NODE_OPTIONS=--enable-source-maps applies them to stack
    // traces, at about 25 MB more memory.
    sourcemap: 'linked',
    logLevel: 'error',
    plugins: [
      {
        // npm packages stay where npm put them (native modules, data files, lazy loading);
        // only the workspace's own packages are compiled in.
        name: 'packages-external',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@plenum/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  fs.writeFileSync(path.join(staging, '.complete'), '');
  try {
    fs.renameSync(staging, dir);
  } catch (error) {
    // Another process finished the same build first: theirs is identical.
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, '.complete'))) {
      throw error;
    }
  }
  prune(root, dir);
}

/** Removes all but the newest builds, and staging directories left by killed processes. */
function prune(root, current) {
  const now = Date.now();
  const others = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && path.join(root, e.name) !== current)
    .map((e) => {
      const full = path.join(root, e.name);
      return { full, staging: e.name.includes('.tmp-'), mtime: fs.statSync(full).mtimeMs };
    });
  const builds = others.filter((b) => !b.staging).sort((a, b) => b.mtime - a.mtime);
  const stale = [
    ...builds.slice(KEEP_OLDER),
    ...others.filter((b) => b.staging && now - b.mtime > 10 * 60_000),
  ];
  for (const b of stale) {
    fs.rmSync(b.full, { recursive: true, force: true });
  }
}
