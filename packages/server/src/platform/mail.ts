import type { Transporter } from 'nodemailer';

/** One message ready to go: rendered, addressed, with its stable Message-ID. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`; the same on every attempt, so a receiver can drop a duplicate after a crash. */
  messageId: string;
  language: 'en' | 'ru';
}

/** Sends mail; the outbox worker is its only caller. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Why a send failed, and whether trying again could help. */
export class MailSendError extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.permanent = permanent;
  }
}

type SmtpError = Error & { responseCode?: number; code?: string; response?: string };

/**
 * 55x answers name a mailbox that will not take the message (unknown user, policy): retrying
 * cannot help. Everything else (4xx, timeouts, a refused connection, authentication) may pass
 * later, once the server or the operator's settings recover.
 */
function isPermanent(error: SmtpError): boolean {
  return (
    typeof error.responseCode === 'number' && error.responseCode >= 550 && error.responseCode < 560
  );
}

/** A short, single-line description of a failed send, safe to keep in the outbox row. */
function describe(error: SmtpError): string {
  const parts = [error.code, error.responseCode, error.response ?? error.message].filter(
    (p) => p !== undefined && p !== '',
  );
  return parts.join(' ').replace(/\s+/g, ' ').slice(0, 500);
}

/**
 * The SMTP transport of PLENUM_SMTP_URL (smtp:// or smtps://, credentials in the URL), or null
 * without one: then mail stays in the outbox table for the operator.
 */
export function createMailTransport(smtpUrl: string | undefined): MailTransport | null {
  if (!smtpUrl) {
    return null;
  }
  // Loaded on first use: about 16 MB of RSS a server that sends no mail does not need.
  let transporter: Transporter | undefined;
  return {
    async send(mail) {
      if (!transporter) {
        const { default: nodemailer } = await import('nodemailer');
        transporter ??= nodemailer.createTransport({
          url: smtpUrl,
          // Bounded waits: a stalled server must not hold the worker (it retries on the next run).
          connectionTimeout: 15_000,
          greetingTimeout: 15_000,
          socketTimeout: 30_000,
        });
      }
      try {
        await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        const e = error as SmtpError;
        throw new MailSendError(describe(e), isPermanent(e));
      }
    },
    close() {
      transporter?.close();
    },
  };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** One entry of a mail: a heading, a paragraph and a link to the workspace. */
export interface MailEntry {
  title: string;
  body: string;
  url: string;
  linkLabel: string;
}

/**
 * A plain, self-contained HTML mail (inline styles only, as mail clients strip the rest); every
 * value is escaped, so no content can inject markup.
 */
export function renderMailHtml(opts: {
  language: 'en' | 'ru';
  heading: string;
  entries: MailEntry[];
  footer: string;
}): string {
  const entries = opts.entries
    .map(
      (e) =>
        `<div style="margin:0 0 20px"><h2 style="font-size:16px;margin:0 0 6px">${escapeHtml(e.title)}</h2>` +
        `<p style="margin:0 0 6px">${escapeHtml(e.body)}</p>` +
        `<p style="margin:0"><a href="${escapeHtml(e.url)}">${escapeHtml(e.linkLabel)}</a></p></div>`,
    )
    .join('\n');
  return (
    `<!doctype html>\n<html lang="${opts.language}"><head><meta charset="utf-8"><title>${escapeHtml(opts.heading)}</title></head>\n` +
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a;max-width:640px">\n` +
    `<h1 style="font-size:18px">${escapeHtml(opts.heading)}</h1>\n${entries}\n` +
    `<p style="color:#666;font-size:12px;border-top:1px solid #ddd;padding-top:8px">${escapeHtml(opts.footer)}</p>\n` +
    `</body></html>\n`
  );
}

/** The plain-text twin of renderMailHtml. */
export function renderMailText(opts: {
  heading: string;
  entries: MailEntry[];
  footer: string;
}): string {
  const entries = opts.entries.map((e) => `${e.title}\n${e.body}\n${e.url}`).join('\n\n');
  return `${opts.heading}\n\n${entries}\n\n-- \n${opts.footer}\n`;
}
