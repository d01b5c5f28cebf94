import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/web/src');

type Tree = { [key: string]: string | Tree };
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(WEB, 'i18n', file), 'utf8')) as Tree;

function deepMerge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    const here = into[k];
    into[k] = typeof v === 'object' && typeof here === 'object' ? deepMerge(here, v) : v;
  }
  return into;
}

/** A language's strings: the main file and the lazily loaded strings of the pages that never open first. */
const load = (lang: string) => deepMerge(read(`${lang}.json`), read(`pages.${lang}.json`));

/** Every key of a translation file, with plural suffixes folded ("x_one", "x_few" → "x"). */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix + k;
    if (typeof v === 'string') {
      out.add(key.replace(/_(zero|one|two|few|many|other)$/, ''));
    } else {
      for (const inner of keys(v, `${key}.`)) {
        out.add(inner);
      }
    }
  }
  return out;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('interface strings', () => {
  const en = keys(load('en'));
  const ru = keys(load('ru'));

  it('English and Russian have the same keys', () => {
    expect([...en].filter((k) => !ru.has(k))).toEqual([]);
    expect([...ru].filter((k) => !en.has(k))).toEqual([]);
  });

  it('every literal key the code translates exists', () => {
    const used = new Set<string>();
    for (const file of sources(WEB)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        used.add(m[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !en.has(k))).toEqual([]);
  });

  it('every value of an enumerated key has its translation', async () => {
    const shared = await import('@plenum/shared');
    const enums: Record<string, readonly string[]> = {
      meetingStatus: shared.MEETING_STATUSES,
      meetingKind: shared.MEETING_KINDS,
      agendaItemKind: shared.AGENDA_ITEM_KINDS,
      amendmentKind: shared.AMENDMENT_KINDS,
      participantRole: shared.PARTICIPANT_ROLES,
      membershipRole: shared.MEMBERSHIP_ROLES,
      bodyKind: shared.BODY_KINDS,
      memberStateStatus: shared.MEMBER_STATE_STATUSES,
      organizationKind: shared.ORGANIZATION_KINDS,
      role: shared.ROLES,
      agendaStatus: shared.AGENDA_STATUSES,
      decisionStatus: shared.DECISION_STATUSES,
      assignmentStatus: shared.ASSIGNMENT_STATUSES,
      decisionKind: shared.DECISION_KINDS,
    };
    const missing: string[] = [];
    for (const [name, values] of Object.entries(enums)) {
      for (const v of values) {
        for (const [lang, set] of [
          ['en', en],
          ['ru', ru],
        ] as const) {
          if (!set.has(`enums.${name}.${v}`)) {
            missing.push(`${lang}: enums.${name}.${v}`);
          }
        }
      }
    }
    const codes = Object.keys(shared.ERROR_STATUS);
    for (const code of codes) {
      if (!en.has(`errors.${code}.title`) || !ru.has(`errors.${code}.title`)) {
        missing.push(`errors.${code}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
