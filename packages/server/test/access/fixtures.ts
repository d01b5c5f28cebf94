import type { LightMyRequestResponse } from 'fastify';
import { multipart, pdf } from '../../src/modules/files/test-helpers.ts';
import type { TestApp } from '../app.ts';
import { daysFromToday, insertBody, insertMeeting } from '../factories.ts';

/**
 * One of each resource the routes name, made through the API as the secretariat, so every path
 * parameter of the route table resolves to something real. ARM is the "owning" state throughout:
 * the decision is assigned to ARM, the restricted document lists ARM, the consultation invites
 * ARM, the program measure is ARM's; BLR is "another state".
 */
export interface Fixtures {
  bodyId: string;
  meetingId: string;
  /** Announced: the public sees it. */
  publicMeetingId: string;
  agendaItemId: string;
  personId: string;
  organizationId: string;
  membershipId: string;
  participantId: string;
  decisionId: string;
  assignmentId: string;
  reportId: string;
  /** Restricted to ARM, with one version. */
  documentId: string;
  /** Internal, with one version; the consultation's subject. */
  internalDocumentId: string;
  consultationId: string;
  /** ARM's comment in the consultation. */
  commentId: string;
  standardId: string;
  programId: string;
  /** ARM is responsible. */
  measureId: string;
  projectId: string;
  ipResultId: string;
  /** A draft: the secretariat's only. */
  newsId: string;
  /** A written procedure: every member state gives its position. */
  proposalId: string;
  /** A consultation on the restricted document: ARM and the staff see it. */
  restrictedConsultationId: string;
  /** Restricted to ARM. */
  restrictedIpResultId: string;
  /** Uploaded by the secretariat and attached to nothing: its uploader and the staff see it. */
  loneSha256: string;
  /** Uploaded by the secretariat and attached to the decision, ARM's report and the agenda item. */
  sha256: string;
}

function ok(res: LightMyRequestResponse, what: string): { id: string } & Record<string, unknown> {
  if (res.statusCode !== 201 && res.statusCode !== 200) {
    throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
  }
  return res.json();
}

export async function createFixtures(t: TestApp): Promise<Fixtures> {
  const post = async (
    url: string,
    payload: unknown,
    caller: 'secretariat' | 'delegateArm' = 'secretariat',
  ) =>
    ok(
      await t.as(caller, { method: 'POST', url: `/api/v1${url}`, payload: payload as never }),
      url,
    );
  const db = t.handle.db;

  const bodyId = await insertBody(db, { slug: 'commission', name: 'Commission' });
  const meetingId = await insertMeeting(db, { bodyId, number: 1, startDate: daysFromToday(30) });
  const publicMeetingId = await insertMeeting(db, {
    bodyId,
    number: 2,
    startDate: daysFromToday(60),
    status: 'announced',
  });
  const agendaItemId = (
    await post(`/meetings/${meetingId}/agenda-items`, { title: { en: 'Item' }, kind: 'decision' })
  ).id;
  const personId = (await post('/persons', { name: { en: 'A. Person' }, memberState: 'ARM' })).id;
  const organizationId = (
    await post('/organizations', {
      name: { en: 'Arm Works' },
      memberState: 'ARM',
      kind: 'enterprise',
    })
  ).id;
  const membershipId = (
    await post('/memberships', { personId, bodyId, role: 'member', memberState: 'ARM' })
  ).id;
  const participantId = (
    await post(`/meetings/${meetingId}/participants`, {
      personId,
      role: 'delegation_head',
      memberState: 'ARM',
    })
  ).id;

  const decisionId = (
    await post('/decisions', {
      bodyId,
      number: '1/1',
      adoptedOn: '2024-05-01',
      title: { en: 'A decision' },
      text: { en: 'Text.' },
    })
  ).id;
  const assignmentId = (
    await post(`/decisions/${decisionId}/assignments`, {
      memberState: 'ARM',
      dueDate: daysFromToday(90),
    })
  ).id;
  const reportId = (
    await post(
      `/decisions/${decisionId}/reports`,
      { assignmentId, status: 'in_progress', text: { en: 'Under way.' } },
      'delegateArm',
    )
  ).id;

  const documentId = (
    await post('/documents', {
      title: { en: 'Restricted draft' },
      kind: 'regulation',
      bodyId,
      classification: 'restricted',
      accessList: { memberStates: ['ARM'], bodyIds: [] },
    })
  ).id;
  await post(`/documents/${documentId}/versions`, { text: { en: 'Clause 1.' } });
  const internalDocumentId = (
    await post('/documents', { title: { en: 'Internal draft' }, kind: 'regulation', bodyId })
  ).id;
  await post(`/documents/${internalDocumentId}/versions`, { text: { en: 'Clause 1.' } });
  const consultationId = (
    await post('/consultations', {
      documentId: internalDocumentId,
      memberStates: ['ARM'],
      deadline: daysFromToday(20),
    })
  ).id;
  const commentId = (
    await post(
      `/consultations/${consultationId}/comments`,
      { memberState: 'ARM', clause: '1', comment: { en: 'Reword.' } },
      'delegateArm',
    )
  ).id;

  const standardId = (
    await post('/standards', {
      designation: 'GOST 1-2026',
      title: { en: 'A standard' },
      status: 'adopted',
    })
  ).id;
  const programId = (
    await post('/programs', {
      title: { en: 'A program' },
      periodFrom: '2024-01-01',
      periodTo: '2030-12-31',
      status: 'active',
    })
  ).id;
  const measureId = (
    await post(`/programs/${programId}/measures`, {
      title: { en: 'A measure' },
      responsibleMemberStates: ['ARM'],
    })
  ).id;
  const partnerId = (
    await post('/organizations', {
      name: { en: 'Blr Works' },
      memberState: 'BLR',
      kind: 'institute',
    })
  ).id;
  const projectId = (
    await post('/projects', {
      title: { en: 'A project' },
      kind: 'joint_venture',
      participants: [
        { organizationId, role: 'lead' },
        { organizationId: partnerId, role: 'partner' },
      ],
    })
  ).id;
  const ipResultId = (
    await post('/ip-results', {
      title: { en: 'An invention' },
      kind: 'invention',
      rightsHolders: [{ organizationId, share: 100 }],
    })
  ).id;
  const newsId = (await post('/news', { title: { en: 'A draft' } })).id;
  const proposalId = (
    await post('/proposals', {
      procedure: 'written',
      bodyId,
      deadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      kind: 'decision',
      title: { en: 'A written procedure' },
      text: { en: 'Decided.' },
    })
  ).id;
  const restrictedConsultationId = (
    await post('/consultations', {
      documentId,
      memberStates: ['ARM'],
      deadline: daysFromToday(20),
    })
  ).id;
  const restrictedIpResultId = (
    await post('/ip-results', {
      title: { en: 'A restricted invention' },
      kind: 'invention',
      classification: 'restricted',
      accessList: { memberStates: ['ARM'], bodyIds: [] },
      rightsHolders: [{ organizationId, share: 100 }],
    })
  ).id;

  const upload = multipart(pdf('access'), { name: 'access.pdf' });
  const file = await t.as('secretariat', {
    method: 'POST',
    url: '/api/v1/files',
    payload: upload.payload,
    headers: upload.headers,
  });
  const sha256 = ok(file, 'file').sha256 as string;
  await post(`/decisions/${decisionId}/attachments`, { sha256, name: 'a.pdf' });
  await post(`/reports/${reportId}/attachments`, { sha256, name: 'a.pdf' });
  await post(`/meetings/${meetingId}/agenda-items/${agendaItemId}/attachments`, {
    sha256,
    name: 'a.pdf',
  });

  const lone = multipart(pdf('lone'), { name: 'lone.pdf' });
  const loneSha256 = ok(
    await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/files',
      payload: lone.payload,
      headers: lone.headers,
    }),
    'lone file',
  ).sha256 as string;

  return {
    bodyId,
    meetingId,
    publicMeetingId,
    agendaItemId,
    personId,
    organizationId,
    membershipId,
    participantId,
    decisionId,
    assignmentId,
    reportId,
    documentId,
    internalDocumentId,
    consultationId,
    commentId,
    standardId,
    programId,
    measureId,
    projectId,
    ipResultId,
    newsId,
    proposalId,
    restrictedConsultationId,
    restrictedIpResultId,
    loneSha256,
    sha256,
  };
}
