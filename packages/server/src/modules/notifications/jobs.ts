import type { FastifyInstance } from 'fastify';
import { onceAcrossInstances } from '../../platform/instance-lock.ts';
import { createMailTransport, type MailTransport } from '../../platform/mail.ts';
import { publishDueNews } from '../news/service.ts';
import { runWrittenProcedureJob } from '../sessions/jobs.ts';
import { runDigests, runMailWorker } from './outbox.ts';
import { runReminders } from './reminders.ts';

/**
 * One run of every job, once across instances: while another instance runs them, this call does
 * nothing (platform/instance-lock.ts).
 */
export async function runNotificationJobs(
  app: Pick<FastifyInstance, 'db' | 'config' | 'dialect' | 'log'>,
  transport: MailTransport | null,
  now: Date = new Date(),
): Promise<void> {
  await onceAcrossInstances(app.db, app.dialect, 'notification-jobs', () =>
    runJobs(app, transport, now),
  );
}

/**
 * Every job: scheduled news first (its own failure must not hold up the rest, nor theirs it),
 * then reminders, so their mail goes out in the same run.
 */
async function runJobs(
  app: Pick<FastifyInstance, 'db' | 'config' | 'dialect' | 'log'>,
  transport: MailTransport | null,
  now: Date,
): Promise<void> {
  await publishDueNews(app.db, app.dialect, now).catch((error: unknown) =>
    app.log.error({ err: error }, 'scheduled news publishing failed'),
  );
  await runWrittenProcedureJob(app, now);
  await runReminders(app.db, now);
  await runDigests(app.db, now);
  await runMailWorker({ db: app.db, config: app.config, transport, now });
}

/**
 * Runs the jobs every config.jobIntervalSeconds while the server listens (never in tests that
 * only inject requests; they call the jobs themselves with a chosen clock). Runs never overlap;
 * closing the app waits for a running one. Several instances may run them at once: reminders and
 * digests are deduplicated and outbox rows are claimed one by one.
 */
export function scheduleNotificationJobs(app: FastifyInstance): void {
  const seconds = app.config.jobIntervalSeconds;
  if (seconds <= 0) {
    return;
  }
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let transport: MailTransport | null = null;

  const tick = () => {
    if (running) {
      return;
    }
    running = runNotificationJobs(app, transport)
      .catch((error: unknown) => app.log.error({ err: error }, 'notification jobs failed'))
      .finally(() => {
        running = null;
      });
  };

  app.addHook('onListen', async () => {
    if (timer) {
      return;
    }
    transport = createMailTransport(app.config.smtpUrl);
    if (!transport) {
      app.log.warn('PLENUM_SMTP_URL is not set: mail is kept in the mail_outbox table, unsent.');
    }
    timer = setInterval(tick, seconds * 1000);
    timer.unref();
    tick();
  });
  app.addHook('onClose', async () => {
    if (timer) {
      clearInterval(timer);
      timer = null;
    }
    await running;
    transport?.close();
  });
}
