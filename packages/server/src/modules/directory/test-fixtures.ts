import { expect } from 'vitest';
import type { Caller, TestApp } from '../../../test/app.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Test data for the directory tests. Directory records go through the API; the meetings,
 * participants and agenda items that refer to them are written straight into their tables, so
 * these tests do not depend on the meeting endpoints.
 */

type Json = Record<string, unknown>;
export type Dto = { id: string; version: number; [key: string]: unknown };

/** POSTs `payload` to a directory list path and returns the created record (fails unless 201). */
export async function create(
  t: TestApp,
  path: '/bodies' | '/persons' | '/memberships' | '/organizations',
  payload: Json,
  caller: Caller = 'secretariat',
): Promise<Dto> {
  const res = await t.as(caller, { method: 'POST', url: `/api/v1${path}`, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Dto;
}

/** Reads every page of a list with `limit`, returning the pages' item ids. */
export async function pagesOf(t: TestApp, caller: Caller, url: string): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await t.as(caller, {
      method: 'GET',
      url: cursor === null ? url : `${url}${sep}cursor=${cursor}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
    pages.push(body.items.map((item) => item.id));
    cursor = body.nextCursor;
  } while (cursor !== null && pages.length < 20);
  return pages;
}

/** The ids of the first page of a list. */
export async function idsOf(t: TestApp, caller: Caller, url: string): Promise<string[]> {
  const res = await t.as(caller, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { id: string }[] }).items.map((item) => item.id);
}

/** The actions of the audit events of one entity, oldest first, as an admin reads them. */
export async function auditActions(
  t: TestApp,
  entityType: string,
  entityId: string,
): Promise<string[]> {
  const res = await t.as('admin', {
    method: 'GET',
    url: `/api/v1/audit-events?entityType=${entityType}&entityId=${entityId}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { action: string }[] }).items.map((e) => e.action).reverse();
}

let meetingNumber = 0;

/** A planned meeting of `bodyId`, optionally chaired by a person. */
export async function insertMeeting(
  t: TestApp,
  bodyId: string,
  chairPersonId: string | null = null,
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  meetingNumber += 1;
  await t.handle.db
    .insertInto('meetings')
    .values({
      id,
      bodyId,
      number: meetingNumber,
      kind: 'regular',
      status: 'planned',
      startDate: '2030-04-27',
      endDate: '2030-04-27',
      startTime: null,
      timeZone: 'Asia/Dushanbe',
      location: null,
      chairPersonId,
      parentMeetingId: null,
      agendaStatus: 'draft',
      agendaApprovedAt: null,
      notes: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

/** A participant of a meeting, optionally representing a body. */
export async function insertParticipant(
  t: TestApp,
  meetingId: string,
  personId: string,
  bodyId: string | null = null,
): Promise<void> {
  const now = new Date().toISOString();
  await t.handle.db
    .insertInto('participants')
    .values({
      id: newId(),
      meetingId,
      personId,
      role: 'delegate',
      memberState: null,
      bodyId,
      notable: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}

/** An agenda item of a meeting with a rapporteur. */
export async function insertAgendaItem(
  t: TestApp,
  meetingId: string,
  rapporteurPersonId: string,
): Promise<void> {
  const now = new Date().toISOString();
  await t.handle.db
    .insertInto('agendaItems')
    .values({
      id: newId(),
      meetingId,
      parentId: null,
      ordinal: 1,
      title: JSON.stringify({ en: 'Report' }),
      kind: 'report',
      description: null,
      rapporteurPersonId,
      public: 1,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}
