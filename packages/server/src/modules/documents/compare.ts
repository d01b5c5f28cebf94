import type { VersionComparison } from '@plenum/shared';
import { type ChangeObject, diffLines, diffWordsWithSpace } from 'diff';

type Row = VersionComparison['rows'][number];
type Left = NonNullable<Row['left']>;
type Right = NonNullable<Row['right']>;

// Past these the diff gives up and shows the blocks as wholly removed and added: a comparison
// must answer in bounded time whatever the texts are.
const LINE_DIFF_TIMEOUT_MS = 1500;
const WORD_DIFF_TIMEOUT_MS = 200;
/** All word-level diffs of one comparison together. */
const WORD_DIFF_BUDGET_MS = 1000;

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

/** The word-level changes inside a changed line, as the segments of each side. */
function wordSegments(
  before: string,
  after: string,
  deadline: number,
): [Left['segments'], Right['segments']] {
  const left = deadline - Date.now();
  const parts =
    left > 0
      ? (diffWordsWithSpace(before, after, {
          timeout: Math.min(WORD_DIFF_TIMEOUT_MS, left),
        }) as ChangeObject<string>[] | undefined)
      : undefined;
  if (!parts) {
    return [[{ text: before, change: 'removed' }], [{ text: after, change: 'added' }]];
  }
  const leftSegments: Left['segments'] = [];
  const rightSegments: Right['segments'] = [];
  for (const part of parts) {
    if (part.removed) {
      leftSegments.push({ text: part.value, change: 'removed' });
    } else if (part.added) {
      rightSegments.push({ text: part.value, change: 'added' });
    } else {
      leftSegments.push({ text: part.value, change: 'same' });
      rightSegments.push({ text: part.value, change: 'same' });
    }
  }
  return [leftSegments, rightSegments];
}

/**
 * A side-by-side comparison of two Markdown texts for a two-column view: lines that stayed face
 * each other; a removed block facing an added block is paired line by line as changed lines with
 * their word-level changes; what is left over stands alone on its side.
 */
export function compareTexts(
  before: string,
  after: string,
): Pick<VersionComparison, 'rows' | 'stats'> {
  const a = before.replace(/\r\n?/g, '\n');
  const b = after.replace(/\r\n?/g, '\n');
  const changes = (diffLines(a, b, { timeout: LINE_DIFF_TIMEOUT_MS }) as
    | ChangeObject<string>[]
    | undefined) ?? [
    { value: a, removed: true, added: false, count: 0 },
    { value: b, removed: false, added: true, count: 0 },
  ];
  const rows: Row[] = [];
  const stats = { same: 0, changed: 0, removed: 0, added: 0 };
  const deadline = Date.now() + WORD_DIFF_BUDGET_MS;
  let leftNo = 0;
  let rightNo = 0;
  let removed: string[] = [];
  let added: string[] = [];

  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) {
      const l = removed[i] as string;
      const r = added[i] as string;
      const [ls, rs] = wordSegments(l, r, deadline);
      rows.push({
        change: 'changed',
        left: { number: ++leftNo, text: l, segments: ls },
        right: { number: ++rightNo, text: r, segments: rs },
      });
      stats.changed++;
    }
    for (const l of removed.slice(paired)) {
      rows.push({
        change: 'removed',
        left: { number: ++leftNo, text: l, segments: [{ text: l, change: 'removed' }] },
        right: null,
      });
      stats.removed++;
    }
    for (const r of added.slice(paired)) {
      rows.push({
        change: 'added',
        left: null,
        right: { number: ++rightNo, text: r, segments: [{ text: r, change: 'added' }] },
      });
      stats.added++;
    }
    removed = [];
    added = [];
  };

  for (const change of changes) {
    const lines = splitLines(change.value);
    if (change.removed) {
      removed.push(...lines);
    } else if (change.added) {
      added.push(...lines);
    } else {
      flush();
      for (const line of lines) {
        rows.push({
          change: 'same',
          left: { number: ++leftNo, text: line, segments: [{ text: line, change: 'same' }] },
          right: { number: ++rightNo, text: line, segments: [{ text: line, change: 'same' }] },
        });
        stats.same++;
      }
    }
  }
  flush();
  return { rows, stats };
}
