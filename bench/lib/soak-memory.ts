/**
 * The soak's memory watch: the server's resident set size read from /proc/<pid>/status every few
 * seconds (what the operating system charges the process, DESIGN §6's budget), its V8 heap beside
 * it, and the trend of both as a least-squares slope.
 */
import fs from 'node:fs';

export interface MemorySample {
  /** Seconds since the load started. */
  t: number;
  rss: number;
  heapUsed: number;
  /** From /metrics when it answers (else NaN): V8's reserved heap and memory outside it. */
  heapTotal: number;
  /** Buffers and other memory V8 objects hold outside the heap. */
  external: number;
  /**
   * Bytes of answers the server keeps by design, bounded by configuration (the API answer cache
   * and the portal's rendered pages, PLENUM_API_CACHE_MB + PLENUM_PAGE_CACHE_MB): memory that
   * grows until the bound while new pages are read, and is not a leak.
   */
  cached: number;
}

/** The server's own memory gauges from its Prometheus /metrics (prom-client's defaults). */
export async function readMetrics(
  origin: string,
  headers: Record<string, string>,
): Promise<{ heapUsed: number; heapTotal: number; external: number; cached: number } | null> {
  try {
    const response = await fetch(`${origin}/metrics`, { headers });
    if (!response.ok) {
      return null;
    }
    const body = await response.text();
    const gauge = (name: string) =>
      Number(
        new RegExp(`^plenum_${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(body)?.[1] ?? NaN,
      );
    return {
      heapUsed: gauge('nodejs_heap_size_used_bytes'),
      heapTotal: gauge('nodejs_heap_size_total_bytes'),
      external: gauge('nodejs_external_memory_bytes'),
      cached: gauge('api_cache_bytes') + gauge('page_cache_bytes'),
    };
  } catch {
    return null;
  }
}

/** VmRSS of a process in bytes, or null when it cannot be read (not Linux, process gone). */
export function readRss(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/** The least-squares slope of y over t, per minute (t in seconds); NaN for fewer than 3 points. */
export function slopePerMinute(points: Array<{ t: number; y: number }>): number {
  const n = points.length;
  if (n < 3) {
    return Number.NaN;
  }
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - mt) * (p.y - my);
    den += (p.t - mt) ** 2;
  }
  return den === 0 ? Number.NaN : (num / den) * 60;
}

export interface MemoryTrend {
  start: number;
  max: number;
  end: number;
  /** Bytes per minute over the samples after the warm-up third. */
  slope: number;
  /**
   * The slope of each minute's lowest sample (after the warm-up third): the floor the garbage
   * collector returns to, which a leak raises while the saw-tooth above it only adds noise.
   */
  floorSlope: number;
}

/** Start, max and end over all samples; the slope over those after the first third of the run. */
export function trend(
  samples: MemorySample[],
  seconds: number,
  pick: 'rss' | 'heapUsed' | 'heapTotal' | 'external' | 'cached' | 'rssBeyondCaches',
) {
  const value = (s: MemorySample) => (pick === 'rssBeyondCaches' ? s.rss - s.cached : s[pick]);
  const values = samples.map(value);
  const settled = samples.filter((s) => s.t >= seconds / 3).map((s) => ({ t: s.t, y: value(s) }));
  return {
    start: values[0] ?? Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
    end: values[values.length - 1] ?? Number.NaN,
    slope: slopePerMinute(settled),
    floorSlope: slopePerMinute(minuteFloors(settled)),
  } satisfies MemoryTrend;
}

function minuteFloors(points: Array<{ t: number; y: number }>): Array<{ t: number; y: number }> {
  const floors = new Map<number, { t: number; y: number }>();
  for (const p of points) {
    const minute = Math.floor(p.t / 60);
    const floor = floors.get(minute);
    if (!floor || p.y < floor.y) {
      floors.set(minute, { t: minute * 60 + 30, y: p.y });
    }
  }
  return [...floors.values()];
}

/** The pids of a process's children (every thread's), and theirs, recursively. */
function descendants(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    let children = '';
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.split(/\s+/).filter(Boolean).map(Number)) {
      out.push(child, ...descendants(child));
    }
  }
  return out;
}

/**
 * The RSS of the server's child processes (the text-extraction parser of an upload lives a
 * second or two), summed; 0 when it has none.
 */
export function readChildrenRss(pid: number): number {
  return descendants(pid).reduce((sum, child) => sum + (readRss(child) ?? 0), 0);
}
