import type { Migration } from 'kysely';
import * as m0001 from './2026_11_27_0001_platform.ts';
import * as m0002 from './2026_11_27_0002_directory.ts';
import * as m0003 from './2026_11_27_0003_meetings.ts';
import * as m0004 from './2026_11_27_0004_decisions.ts';
import * as m0005 from './2026_11_27_0005_documents.ts';
import * as m0006 from './2026_11_27_0006_consultations.ts';
import * as m0007 from './2026_11_27_0007_notifications.ts';
import * as m0008 from './2026_11_27_0008_search.ts';
import * as m0009 from './2026_11_27_0009_news.ts';
import * as m0010 from './2026_11_27_0010_search_speed.ts';
import * as m0011 from './2026_11_27_0011_registers_standards_programs.ts';
import * as m0012 from './2026_11_27_0012_registers_projects_ip.ts';
import * as m0013 from './2026_11_27_0013_minutes.ts';
import * as m0014 from './2026_11_27_0014_meeting_packs.ts';
import * as m0015 from './2026_11_27_0015_calendar_feeds.ts';
import * as m0016 from './2026_11_27_0016_oidc.ts';
import * as m0017 from './2026_11_27_0017_search_type_indexes.ts';
import * as m0018 from './2026_11_28_0018_sessions.ts';
import * as m0019 from './2026_11_28_0019_live.ts';
import * as m0020 from './2026_11_28_0020_body_quorum.ts';
import * as m0021 from './2026_11_28_0021_two_factor.ts';
import * as m0022 from './2026_11_28_0022_decision_status_indexes.ts';
import * as m0023 from './2026_11_28_0023_audit_notify_writes_only.ts';
import * as m0024 from './2026_11_28_0024_search_gin_pending.ts';

/** Every migration, in order. Add a new one at the end; never edit a landed one. */
export const migrations: Record<string, Migration> = {
  '2026_11_27_0001_platform': m0001,
  '2026_11_27_0002_directory': m0002,
  '2026_11_27_0003_meetings': m0003,
  '2026_11_27_0004_decisions': m0004,
  '2026_11_27_0005_documents': m0005,
  '2026_11_27_0006_consultations': m0006,
  '2026_11_27_0007_notifications': m0007,
  '2026_11_27_0008_search': m0008,
  '2026_11_27_0009_news': m0009,
  '2026_11_27_0010_search_speed': m0010,
  '2026_11_27_0011_registers_standards_programs': m0011,
  '2026_11_27_0012_registers_projects_ip': m0012,
  '2026_11_27_0013_minutes': m0013,
  '2026_11_27_0014_meeting_packs': m0014,
  '2026_11_27_0015_calendar_feeds': m0015,
  '2026_11_27_0016_oidc': m0016,
  '2026_11_27_0017_search_type_indexes': m0017,
  '2026_11_28_0018_sessions': m0018,
  '2026_11_28_0019_live': m0019,
  '2026_11_28_0020_body_quorum': m0020,
  '2026_11_28_0021_two_factor': m0021,
  '2026_11_28_0022_decision_status_indexes': m0022,
  '2026_11_28_0023_audit_notify_writes_only': m0023,
  '2026_11_28_0024_search_gin_pending': m0024,
};
