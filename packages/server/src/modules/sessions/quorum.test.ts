import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertMeeting } from '../../../test/factories.ts';

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely; the schemas check them
type Json = Record<string, any>;

// The quorum in session follows the meeting's body's rule (issue 8). Without a rule every member
// state must be present (sessions.test.ts covers that: 5 of 6 is no quorum).
describe(`session quorum by the body's rule (${DIALECT})`, () => {
  let t: TestApp;

  const write = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    t.as('secretariat', { method, url: `/api/v1${url}`, payload: payload as never });
  const session = async (meeting: string) =>
    (
      await t.as('secretariat', { method: 'GET', url: `/api/v1/meetings/${meeting}/session` })
    ).json() as Json;

  /** A body with `quorum` and a meeting of it in session, with its one agenda item. */
  async function meetingInSession(slug: string, quorum: number | null, number: number) {
    const body = await write('POST', '/bodies', {
      slug,
      name: { en: slug },
      kind: 'council',
      quorum,
    });
    expect(body.statusCode, body.body).toBe(201);
    const bodyId = (body.json() as Json).id as string;
    const meeting = await insertMeeting(t.handle.db, {
      bodyId,
      number,
      startDate: daysFromToday(0),
    });
    const item = await write('POST', `/meetings/${meeting}/agenda-items`, {
      title: { en: 'Draft decisions' },
      kind: 'decision',
    });
    expect(item.statusCode, item.body).toBe(201);
    const opened = await write('POST', `/meetings/${meeting}/session/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    return { bodyId, meeting, item: (item.json() as Json).id as string };
  }

  const attend = async (meeting: string, codes: string[]) => {
    for (const code of codes) {
      const res = await write('PUT', `/meetings/${meeting}/session/attendance/${code}`, {
        present: true,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('is quorate with 4 present when the body asks for 4, and adopts by consensus', async () => {
    const { meeting, item } = await meetingInSession('four-present', 4, 31);
    expect((await session(meeting)).quorum).toEqual({ required: 4, present: 0, met: false });

    const proposal = await write('POST', '/proposals', {
      procedure: 'session',
      meetingId: meeting,
      agendaItemId: item,
      kind: 'decision',
      title: { en: 'On the plan of work' },
      text: { en: 'The council approves the plan of work.' },
    });
    expect(proposal.statusCode, proposal.body).toBe(201);
    const id = (proposal.json() as Json).id as string;

    await attend(meeting, ['ARM', 'BLR', 'KAZ']);
    for (const code of ['ARM', 'BLR', 'KAZ']) {
      const res = await write('PUT', `/proposals/${id}/positions/${code}`, { position: 'concur' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const short = await write('POST', `/proposals/${id}/adopt`);
    expect(short.statusCode).toBe(409);
    expect((short.json() as Json).detail).toContain('3 of the 4');
    expect((await session(meeting)).quorum).toEqual({ required: 4, present: 3, met: false });

    await attend(meeting, ['KGZ']);
    expect((await session(meeting)).quorum).toEqual({ required: 4, present: 4, met: true });
    // KGZ abstains; RUS and TJK are absent and their positions are not asked for.
    const abstain = await write('PUT', `/proposals/${id}/positions/KGZ`, { position: 'abstain' });
    expect(abstain.statusCode, abstain.body).toBe(200);
    const adopted = await write('POST', `/proposals/${id}/adopt`);
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toMatchObject({ status: 'adopted', decisionNumber: '31/1' });
    const decision = await t.as('observer', {
      method: 'GET',
      url: `/api/v1/decisions/${(adopted.json() as Json).decisionId}`,
    });
    expect(decision.json()).toMatchObject({ number: '31/1', meetingId: meeting });
  });

  it('follows a change of the rule at once, and requires everyone once it is cleared', async () => {
    const { bodyId, meeting } = await meetingInSession('rule-changes', 2, 32);
    await attend(meeting, ['ARM', 'BLR']);
    expect((await session(meeting)).quorum).toEqual({ required: 2, present: 2, met: true });
    const cleared = await write('PATCH', `/bodies/${bodyId}`, { quorum: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((await session(meeting)).quorum).toEqual({ required: 6, present: 2, met: false });
  });

  it('caps the rule at the member states when one has left since it was set', async () => {
    const { meeting } = await meetingInSession('all-six', 6, 33);
    await attend(meeting, ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS']);
    expect((await session(meeting)).quorum).toEqual({ required: 6, present: 5, met: false });
    const left = await write('PATCH', '/member-states/TJK', { status: 'former' });
    expect(left.statusCode, left.body).toBe(200);
    expect((await session(meeting)).quorum).toEqual({ required: 5, present: 5, met: true });
  });
});
