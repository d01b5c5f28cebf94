import type { Migration } from 'kysely';
import * as m0001 from './2026_11_27_0001_platform.ts';
import * as m0002 from './2026_11_27_0002_directory.ts';
import * as m0003 from './2026_11_27_0003_meetings.ts';
import * as m0004 from './2026_11_27_0004_decisions.ts';

/** Every migration, in order. Add a new one at the end; never edit a landed one. */
export const migrations: Record<string, Migration> = {
  '2026_11_27_0001_platform': m0001,
  '2026_11_27_0002_directory': m0002,
  '2026_11_27_0003_meetings': m0003,
  '2026_11_27_0004_decisions': m0004,
};
