import type { Db } from '../src/db/dialect.ts';
import { newId } from '../src/platform/ids.ts';

const now = () => new Date().toISOString();

/** Inserts a body directly (fixtures for areas that build on the directory). */
export async function insertBody(
  db: Db,
  o: { slug: string; name: string; kind?: string; parentId?: string | null; nameRu?: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('bodies')
    .values({
      id,
      slug: o.slug,
      name: JSON.stringify({ en: o.name, ru: o.nameRu ?? o.name }),
      nameGenitive: null,
      shortName: null,
      kind: o.kind ?? 'commission',
      parentId: o.parentId ?? null,
      established: null,
      establishedBy: null,
      mandate: null,
      searchText: o.name.toLowerCase(),
      version: 1,
      createdAt: now(),
      updatedAt: now(),
    })
    .execute();
  return id;
}

/** Inserts a meeting directly, planned unless a status is given. */
export async function insertMeeting(
  db: Db,
  o: { bodyId: string; number: number; startDate: string; status?: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('meetings')
    .values({
      id,
      bodyId: o.bodyId,
      number: o.number,
      kind: 'regular',
      status: o.status ?? 'planned',
      startDate: o.startDate,
      endDate: o.startDate,
      startTime: null,
      timeZone: 'Europe/Moscow',
      location: null,
      chairPersonId: null,
      parentMeetingId: null,
      agendaStatus: 'draft',
      agendaApprovedAt: null,
      notes: null,
      version: 1,
      createdAt: now(),
      updatedAt: now(),
    })
    .execute();
  return id;
}

/** A date `days` from today, as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
