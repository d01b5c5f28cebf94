import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createMailTransport, type MailTransport } from '../../platform/mail.ts';
import { type NotificationEvent, notify } from './notify.ts';
import { MAX_MAIL_ATTEMPTS, runDigests, runMailWorker } from './outbox.ts';
import { addUser } from './test-support.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / Q) of a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const src = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(src[i] as string, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitHead(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: raw.slice(at + 4) };
}

/** The headers and the decoded text and HTML parts of a raw message. */
function parseMail(raw: string): { headers: Record<string, string>; text: string; html: string } {
  const { headers, body } = splitHead(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [];
  let text = '';
  let html = '';
  for (const part of parts) {
    const p = splitHead(part.replace(/^\r\n/, ''));
    const encoding = p.headers['content-transfer-encoding'] ?? '7bit';
    const decoded =
      encoding === 'base64'
        ? Buffer.from(p.body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : encoding === 'quoted-printable'
          ? decodeQuotedPrintable(p.body)
          : p.body;
    if (p.headers['content-type']?.startsWith('text/plain')) {
      text = decoded;
    } else if (p.headers['content-type']?.startsWith('text/html')) {
      html = decoded;
    }
  }
  return { headers: { ...headers, subject: decodeHeader(headers.subject ?? '') }, text, html };
}

describe(`mail (${DIALECT})`, () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let transport: MailTransport;
  let smtpUrl: string;
  const received: Received[] = [];
  /** Answers to give to the next RCPT TO commands instead of accepting them. */
  const rejections: number[] = [];
  const config = {
    publicUrl: 'https://plenum.example.org/',
    mailFrom: 'Plenum <noreply@plenum.example.org>',
  };
  let ru: { id: string; token: string };

  const event = (o: Partial<NotificationEvent> = {}): NotificationEvent => ({
    kind: 'consultation_opened',
    dedupeKey: `mail-test:${Math.random()}`,
    audience: { memberStates: ['ARM'] },
    entity: { type: 'decision', id: 'd1' },
    params: {
      'document.en': 'Draft regulation',
      'document.ru': 'Проект положения',
      round: '2',
      deadline: '2027-02-01',
      silenceProcedure: 'false',
    },
    link: '/app/consultations/c1',
    ...o,
  });
  const send = (e: NotificationEvent) => t.handle.db.transaction().execute((trx) => notify(trx, e));
  const outbox = () =>
    t.handle.db.selectFrom('mailOutbox').selectAll().orderBy('createdAt').orderBy('id').execute();
  const work = (now = new Date(), withTransport: MailTransport | null = transport) =>
    runMailWorker({ db: t.handle.db, config, transport: withTransport, now });

  beforeAll(async () => {
    t = await createTestApp();
    ru = await addUser(t, {
      email: 'ru-delegate@example.org',
      role: 'delegate',
      memberState: 'ARM',
      language: 'ru',
    });
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onRcptTo(_address, _session, callback) {
        const code = rejections.shift();
        if (code) {
          callback(
            Object.assign(new Error(code >= 500 ? 'No such mailbox' : 'Mailbox busy, try later'), {
              responseCode: code,
            }),
          );
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    smtpUrl = `smtp://127.0.0.1:${port}`;
    transport = createMailTransport(smtpUrl) as MailTransport;
  });
  afterAll(async () => {
    transport.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await t.close();
  });
  beforeEach(async () => {
    received.length = 0;
    rejections.length = 0;
    await t.handle.db.deleteFrom('mailOutbox').execute();
  });

  it('sends each new notification once, in the recipient’s language, with absolute links', async () => {
    const e = event();
    await send(e);
    const rows = await outbox();
    expect(rows.map((r) => r.userId).sort()).toEqual([t.userIds.delegateArm, ru.id].sort());

    expect(await work()).toMatchObject({ sent: 2, retried: 0, failed: 0 });
    expect(received).toHaveLength(2);
    const byRecipient = new Map(received.map((m) => [m.to.join(','), parseMail(m.raw)]));
    const en = byRecipient.get('delegatearm@example.org');
    const inRussian = byRecipient.get('ru-delegate@example.org');
    expect(en?.headers.subject).toBe('Consultation opened: Draft regulation');
    expect(en?.text).toContain('Give your state’s position by 1 February 2027.');
    expect(en?.text).toContain('https://plenum.example.org/app/consultations/c1');
    expect(en?.html).toContain('href="https://plenum.example.org/app/consultations/c1"');
    expect(inRussian?.headers.subject).toBe('Открыто согласование: Проект положения');
    expect(inRussian?.text).toContain('до 1 февраля 2027');
    expect(inRussian?.headers['content-language']).toBe('ru');
    expect(received[0]?.from).toBe('noreply@plenum.example.org');

    const sent = await outbox();
    expect(sent.map((r) => r.status)).toEqual(['sent', 'sent']);
    for (const row of sent) {
      const mail = received.find((m) => m.to.includes(row.toAddress));
      expect(parseMail(mail?.raw ?? '').headers['message-id']).toBe(row.messageId);
    }

    // The same event again queues nothing; a later run sends nothing twice.
    await send(e);
    expect(await outbox()).toHaveLength(2);
    expect(await work(new Date(Date.now() + 86_400_000))).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(2);
  });

  it('escapes content in the HTML part', async () => {
    await send(
      event({
        audience: { userIds: [t.userIds.observer] },
        params: {
          'document.en': '<script>alert(1)</script> & co',
          round: '1',
          deadline: '2027-01-01',
        },
      }),
    );
    await work();
    const mail = parseMail(received[0]?.raw ?? '');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  });

  it('retries after a failed attempt and delivers exactly one message', async () => {
    rejections.push(451);
    await send(event({ audience: { userIds: [t.userIds.observer] } }));
    const start = new Date();
    expect(await work(start)).toMatchObject({ sent: 0, retried: 1 });
    const [failed] = await outbox();
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed?.lastError).toContain('451');
    expect(Date.parse(failed?.nextAttemptAt ?? '')).toBe(start.getTime() + 60_000);
    expect(received).toHaveLength(0);

    // Not yet due: the backoff holds the row.
    expect(await work(new Date(start.getTime() + 30_000))).toMatchObject({ sent: 0, retried: 0 });
    expect(await work(new Date(start.getTime() + 61_000))).toMatchObject({ sent: 1 });
    expect(await work(new Date(start.getTime() + 3_600_000))).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(['observer@example.org']);
    const [done] = await outbox();
    expect(done).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('gives up at once on a mailbox the server refuses, keeping the error', async () => {
    rejections.push(550);
    await send(event({ audience: { userIds: [t.userIds.observer] } }));
    expect(await work()).toMatchObject({ failed: 1 });
    const [row] = await outbox();
    expect(row?.status).toBe('failed');
    expect(row?.lastError).toContain('550');
    expect(await work(new Date(Date.now() + 86_400_000))).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(0);
  });

  it('gives up after the last attempt', async () => {
    await send(event({ audience: { userIds: [t.userIds.observer] } }));
    let now = Date.now();
    for (let i = 0; i < MAX_MAIL_ATTEMPTS; i++) {
      rejections.push(451);
      await work(new Date(now));
      now += 7 * 3_600_000;
    }
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_MAIL_ATTEMPTS });
    expect(await work(new Date(now))).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(0);
  });

  it('lets only one of two concurrent workers send a row', async () => {
    await send(event({ audience: { userIds: [t.userIds.observer] } }));
    const now = new Date();
    const results = await Promise.all([work(now), work(now)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(received).toHaveLength(1);
  });

  it('takes back the claim of a worker that died mid-send, with the same Message-ID', async () => {
    await send(event({ audience: { userIds: [t.userIds.observer] } }));
    const now = new Date();
    const [row] = await outbox();
    const claimedAt = new Date(now.getTime() - 5 * 60_000).toISOString();
    await t.handle.db
      .updateTable('mailOutbox')
      .set({ status: 'sending', claimedAt, attempts: 1 })
      .execute();
    // A fresh claim belongs to a worker still sending: left alone.
    expect(await work(now)).toMatchObject({ sent: 0 });
    expect(await work(new Date(now.getTime() + 6 * 60_000))).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);
    expect(parseMail(received[0]?.raw ?? '').headers['message-id']).toBe(row?.messageId);
  });

  it('sends a daily digest: one mail per user and day with the day’s notifications', async () => {
    const digest = await addUser(t, {
      email: 'digest@example.org',
      role: 'observer',
      language: 'en',
    });
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: { authorization: `Bearer ${digest.token}` },
      payload: { mail: 'daily_digest' },
    });
    expect(put.statusCode).toBe(200);
    await send(event({ audience: { userIds: [digest.id] } }));
    await send(
      event({
        kind: 'comment_resolved',
        audience: { userIds: [digest.id] },
        params: { 'document.en': 'Standard 7', clause: 'clause 3.2', resolution: 'accepted' },
      }),
    );
    expect(await outbox()).toEqual([]);

    // Not before the day is over.
    expect(await runDigests(t.handle.db, new Date())).toBe(0);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await runDigests(t.handle.db, tomorrow)).toBe(1);
    expect(await runDigests(t.handle.db, tomorrow)).toBe(0);
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.dedupeKey).toBe(`digest:${digest.id}:${new Date().toISOString().slice(0, 10)}`);

    await work(tomorrow);
    expect(received).toHaveLength(1);
    const mail = parseMail(received[0]?.raw ?? '');
    expect(received[0]?.to).toEqual(['digest@example.org']);
    expect(mail.headers.subject).toMatch(/^Plenum: 2 notifications of /);
    expect(mail.text).toContain('Consultation opened: Draft regulation');
    expect(mail.text).toContain(
      'The secretariat resolved your state’s comment on “Standard 7” (clause 3.2): accepted.',
    );
  });

  it('keeps mail in the outbox, rendered, when no SMTP URL is set', async () => {
    expect(createMailTransport(undefined)).toBeNull();
    await send(event({ audience: { userIds: [ru.id] } }));
    expect(await work(new Date(), null)).toMatchObject({ unsent: 1, sent: 0 });
    const [row] = await outbox();
    expect(row).toMatchObject({
      status: 'unsent_no_transport',
      attempts: 0,
      toAddress: 'ru-delegate@example.org',
      subject: 'Открыто согласование: Проект положения',
    });
    expect(row?.textBody).toContain('https://plenum.example.org/app/consultations/c1');
    expect(await work(new Date())).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(0);
  });

  it('cancels mail to a user deactivated before it went out', async () => {
    const leaving = await addUser(t, { email: 'leaving@example.org', role: 'observer' });
    await send(event({ audience: { userIds: [leaving.id] } }));
    await t.handle.db
      .updateTable('users')
      .set({ active: 0 })
      .where('id', '=', leaving.id)
      .execute();
    expect(await work()).toMatchObject({ cancelled: 1, sent: 0 });
    expect(received).toHaveLength(0);
  });

  it('runs the jobs on their interval while the server listens, and stops on close', async () => {
    const listening = await buildApp({
      config: loadConfig(
        { PLENUM_SMTP_URL: smtpUrl, PLENUM_JOB_INTERVAL_SECONDS: '1' },
        { logLevel: 'silent', publicUrl: 'https://jobs.example.org' },
      ),
      database: t.handle,
      logger: false,
    });
    try {
      await send(event({ audience: { userIds: [t.userIds.observer] } }));
      await listening.listen({ port: 0, host: '127.0.0.1' });
      for (let i = 0; i < 50 && received.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(received).toHaveLength(1);
      expect(parseMail(received[0]?.raw ?? '').text).toContain(
        'https://jobs.example.org/app/consultations/c1',
      );
    } finally {
      await listening.close();
    }
    await send(event({ audience: { userIds: [t.userIds.observer] } }));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(received).toHaveLength(1);
    expect((await outbox()).map((r) => r.status)).toEqual(['sent', 'pending']);
  });

  it('accepts only smtp:// and smtps:// URLs', () => {
    expect(() => loadConfig({ PLENUM_SMTP_URL: 'http://mail.example.org' })).toThrow(
      /PLENUM_SMTP_URL/,
    );
    expect(loadConfig({ PLENUM_SMTP_URL: 'smtps://u:p@mail.example.org:465' }).smtpUrl).toBe(
      'smtps://u:p@mail.example.org:465',
    );
  });
});
