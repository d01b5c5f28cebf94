import path from 'node:path';
import { z } from 'zod';

const ZConfig = z.object({
  databaseUrl: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  publicUrl: z.url(),
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\//, 'PLENUM_SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  /** The From of outgoing mail (PLENUM_MAIL_FROM), e.g. `Plenum <noreply@example.org>`. */
  mailFrom: z.string().min(3),
  /**
   * Seconds between runs of the background jobs (mail outbox, digests, deadline reminders) while
   * the server listens (PLENUM_JOB_INTERVAL_SECONDS); 0 turns them off.
   */
  jobIntervalSeconds: z.coerce.number().int().min(0),
  adminEmail: z.string().optional(),
  adminPassword: z.string().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  sessionIdleMinutes: z.coerce.number().int().positive(),
  sessionMaxHours: z.coerce.number().int().positive(),
  /** Serve the built web client from this folder when it exists. */
  webDir: z.string(),
  /** Secure cookies: on when the public URL is https. */
  secureCookies: z.boolean(),
  /** Largest accepted upload in bytes (PLENUM_FILES_MAX_BYTES, 50 MB by default). */
  filesMaxBytes: z.coerce.number().int().positive(),
});
export type Config = z.infer<typeof ZConfig>;

const here = path.dirname(new URL(import.meta.url).pathname);

/** The host of the public URL, for the default From address of mail. */
function mailHost(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/** Reads configuration from the environment, failing fast with a readable message. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
): Config {
  const dataDir = env.PLENUM_DATA_DIR ?? './data';
  const port = env.PLENUM_PORT ?? '3000';
  const publicUrl = env.PLENUM_PUBLIC_URL ?? `http://localhost:${port}`;
  const parsed = ZConfig.safeParse({
    databaseUrl: env.PLENUM_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'plenum.db')}`,
    port,
    host: env.PLENUM_HOST ?? '0.0.0.0',
    dataDir,
    publicUrl,
    smtpUrl: env.PLENUM_SMTP_URL || undefined,
    mailFrom: env.PLENUM_MAIL_FROM || `Plenum <noreply@${mailHost(publicUrl)}>`,
    jobIntervalSeconds: env.PLENUM_JOB_INTERVAL_SECONDS ?? '60',
    adminEmail: env.PLENUM_ADMIN_EMAIL || undefined,
    adminPassword: env.PLENUM_ADMIN_PASSWORD || undefined,
    logLevel: env.PLENUM_LOG_LEVEL ?? 'info',
    sessionIdleMinutes: env.PLENUM_SESSION_IDLE_MINUTES ?? '120',
    sessionMaxHours: env.PLENUM_SESSION_MAX_HOURS ?? '12',
    webDir: env.PLENUM_WEB_DIR ?? path.resolve(here, '../../web/dist'),
    secureCookies: publicUrl.startsWith('https:'),
    filesMaxBytes: env.PLENUM_FILES_MAX_BYTES ?? String(50 * 1024 * 1024),
    ...overrides,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
