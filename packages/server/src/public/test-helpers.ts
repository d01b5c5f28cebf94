import type { LocalizedText } from '@plenum/shared';
import { expect } from 'vitest';
import type { TestApp } from '../../test/app.ts';

/** Test data for the portal tests, created through the API as the secretariat. */

async function post<T>(t: TestApp, url: string, payload: unknown): Promise<T> {
  const res = await t.as('secretariat', { method: 'POST', url, payload: payload as object });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
  return res.json() as T;
}

async function change<T>(
  t: TestApp,
  method: 'PATCH' | 'POST',
  url: string,
  payload?: unknown,
): Promise<T> {
  const res = await t.as('secretariat', {
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json() as T;
}

export const createBody = (
  t: TestApp,
  body: {
    slug: string;
    name: LocalizedText;
    shortName?: LocalizedText | null;
    kind?: string;
    parentId?: string | null;
    mandate?: LocalizedText | null;
    established?: string | null;
    establishedBy?: LocalizedText | null;
  },
) => post<{ id: string; slug: string }>(t, '/api/v1/bodies', { kind: 'commission', ...body });

export const createPerson = (
  t: TestApp,
  person: { name: LocalizedText; position?: LocalizedText | null; memberState?: string | null },
) => post<{ id: string }>(t, '/api/v1/persons', person);

export interface MeetingInput {
  bodyId: string;
  startDate: string;
  endDate?: string | null;
  startTime?: string | null;
  timeZone?: string;
  status?: 'planned' | 'announced';
  location?: unknown;
  chairPersonId?: string | null;
  parentMeetingId?: string | null;
  number?: number;
}

export const createMeeting = (t: TestApp, meeting: MeetingInput) =>
  post<{ id: string; version: number; name: LocalizedText }>(t, '/api/v1/meetings', {
    timeZone: 'Asia/Dushanbe',
    ...meeting,
  });

export const patchMeeting = (t: TestApp, id: string, patch: Record<string, unknown>) =>
  change<{ id: string; version: number }>(t, 'PATCH', `/api/v1/meetings/${id}`, patch);

export const addAgendaItem = (
  t: TestApp,
  meetingId: string,
  item: { title: LocalizedText; public?: boolean },
) => post<{ id: string }>(t, `/api/v1/meetings/${meetingId}/agenda-items`, item);

export interface NewsInput {
  slug: string;
  title: LocalizedText;
  section?: 'news' | 'announcements' | 'press_releases';
  summary?: LocalizedText | null;
  body?: LocalizedText | null;
  meetingId?: string | null;
  bodyId?: string | null;
}

/** A news item, published unless `state` says otherwise. */
export async function createNews(
  t: TestApp,
  input: NewsInput,
  state: 'draft' | 'published' | { scheduleAt: string } = 'published',
): Promise<{ id: string; slug: string; version: number }> {
  const created = await post<{ id: string; slug: string; version: number }>(t, '/api/v1/news', {
    body: { en: 'Body text.', ru: 'Текст.' },
    ...input,
  });
  if (state === 'draft') {
    return created;
  }
  if (state === 'published') {
    return change(t, 'POST', `/api/v1/news/${created.id}/publish`);
  }
  return change(t, 'POST', `/api/v1/news/${created.id}/schedule`, { publishAt: state.scheduleAt });
}

/** YYYY-MM-DD `days` from today (UTC). */
export function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A GET as an anonymous visitor. */
export const visit = (t: TestApp, url: string, headers: Record<string, string> = {}) =>
  t.as('anonymous', { method: 'GET', url, headers });
