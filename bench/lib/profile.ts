import fs from 'node:fs';
import path from 'node:path';

/** The parts of a V8 .cpuprofile the summary reads. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time. */
  share: number;
}

export interface ProfileSummary {
  file: string;
  busyMs: number;
  idleMs: number;
  /** Self time by package (node_modules name, a Plenum source file, node internals, GC). */
  byPackage: ProfileEntry[];
  /** Self time by function. */
  byFunction: ProfileEntry[];
  /** Inclusive time of the frames of selected functions (what they and their callees cost). */
  inclusive: ProfileEntry[];
}

/** Where a frame's code lives: an npm package, a Plenum source file, or the runtime. */
export function packageOf(url: string, functionName: string): string {
  if (!url) {
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const plenum = /\/packages\/(server|shared|web)\/src\/(.*)$/.exec(url);
  if (plenum) {
    return `plenum ${plenum[1]}/${plenum[2]}`;
  }
  if (url.startsWith('node:')) {
    return 'node internals';
  }
  return path.basename(url);
}

const IDLE = new Set(['(idle)']);

/**
 * Sums a profile's samples: self time by package and by function, and the inclusive time of the
 * functions whose names match `inclusivePatterns` (e.g. the auth hook, the serializer).
 */
export function summarizeProfile(file: string, inclusivePatterns: RegExp[] = []): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    for (const c of n.children ?? []) {
      parent.set(c, n.id);
    }
  }
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    // The delta after a sample is the time spent where it was taken.
    const dt = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  }
  let idleUs = 0;
  let busyUs = 0;
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) {
      continue;
    }
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (IDLE.has(functionName)) {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const pkg = packageOf(url, functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${pkg}${url ? `:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    // Inclusive: charge this sample once to every matching frame on its stack.
    const charged = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) {
        break;
      }
      const label = `${frame.functionName || '(anonymous)'} ${packageOf(frame.url, frame.functionName)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
      if (!charged.has(label) && inclusivePatterns.some((p) => p.test(label))) {
        charged.add(label);
        inclusive.set(label, (inclusive.get(label) ?? 0) + us);
      }
    }
  }
  const entries = (m: Map<string, number>, n: number): ProfileEntry[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }));
  return {
    file,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    byPackage: entries(packages, 20),
    byFunction: entries(functions, 30),
    inclusive: entries(inclusive, 30),
  };
}
