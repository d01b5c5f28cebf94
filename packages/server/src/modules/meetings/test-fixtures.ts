import type { LocalizedText } from '@plenum/shared';
import { expect } from 'vitest';
import type { Caller, TestApp } from '../../../test/app.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Test data for the meeting and agenda tests. Bodies and persons are written straight into their
 * tables so these tests do not depend on the directory endpoints.
 */

export const ICMEC_NAME = {
  en: 'Interstate Commission for Military-Economic Cooperation',
  ru: 'Межгосударственная комиссия по военно-экономическому сотрудничеству',
};
export const ICMEC_GENITIVE = {
  ru: 'Межгосударственной комиссии по военно-экономическому сотрудничеству',
};

let serial = 0;

export async function insertBody(
  t: TestApp,
  opts: {
    name: LocalizedText;
    nameGenitive?: LocalizedText | null;
    kind?: string;
    parentId?: string | null;
  },
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  serial += 1;
  await t.handle.db
    .insertInto('bodies')
    .values({
      id,
      slug: `body-${serial}-${id.slice(-6)}`,
      name: JSON.stringify(opts.name),
      nameGenitive: opts.nameGenitive ? JSON.stringify(opts.nameGenitive) : null,
      shortName: null,
      kind: opts.kind ?? 'commission',
      parentId: opts.parentId ?? null,
      established: null,
      establishedBy: null,
      mandate: null,
      searchText: Object.values(opts.name).join(' ').toLocaleLowerCase('ru'),
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

export async function insertPerson(
  t: TestApp,
  opts: { name: LocalizedText; memberState?: string | null; position?: LocalizedText | null },
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await t.handle.db
    .insertInto('persons')
    .values({
      id,
      name: JSON.stringify(opts.name),
      memberState: opts.memberState ?? null,
      position: opts.position ? JSON.stringify(opts.position) : null,
      searchText: Object.values(opts.name).join(' ').toLocaleLowerCase('ru'),
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

/** The smallest valid meeting of a body; `extra` overrides or adds fields. */
export function meetingInput(bodyId: string, extra: Record<string, unknown> = {}) {
  return { bodyId, startDate: '2030-04-27', timeZone: 'Asia/Dushanbe', ...extra };
}

export type MeetingDto = {
  id: string;
  number: number;
  status: string;
  version: number;
  agendaStatus: string;
  [key: string]: unknown;
};

/** Creates a meeting through the API and returns it (failing the test unless 201). */
export async function createMeeting(
  t: TestApp,
  bodyId: string,
  extra: Record<string, unknown> = {},
  caller: Caller = 'secretariat',
): Promise<MeetingDto> {
  const res = await t.as(caller, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: meetingInput(bodyId, extra),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as MeetingDto;
}

/** Moves a meeting along the allowed transitions to `status` (planned → … → held). */
export async function advanceMeeting(t: TestApp, id: string, statuses: string[]): Promise<void> {
  for (const status of statuses) {
    const res = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${id}`,
      payload: { status },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** The audit events recorded for one entity, oldest first. */
export function auditEventsOf(t: TestApp, entityType: string, entityId: string) {
  return t.handle.db
    .selectFrom('auditEvents')
    .select(['action', 'entityType', 'entityId', 'actorId', 'change'])
    .where('entityType', '=', entityType)
    .where('entityId', '=', entityId)
    .orderBy('seq')
    .execute();
}
