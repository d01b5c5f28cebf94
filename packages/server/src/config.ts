import path from 'node:path';
import { z } from 'zod';

const ZConfig = z.object({
  databaseUrl: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  publicUrl: z.url(),
  smtpUrl: z.string().optional(),
  adminEmail: z.string().optional(),
  adminPassword: z.string().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  sessionIdleMinutes: z.coerce.number().int().positive(),
  sessionMaxHours: z.coerce.number().int().positive(),
  /** Serve the built web client from this folder when it exists. */
  webDir: z.string(),
  /** Secure cookies: on when the public URL is https. */
  secureCookies: z.boolean(),
});
export type Config = z.infer<typeof ZConfig>;

const here = path.dirname(new URL(import.meta.url).pathname);

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
    adminEmail: env.PLENUM_ADMIN_EMAIL || undefined,
    adminPassword: env.PLENUM_ADMIN_PASSWORD || undefined,
    logLevel: env.PLENUM_LOG_LEVEL ?? 'info',
    sessionIdleMinutes: env.PLENUM_SESSION_IDLE_MINUTES ?? '120',
    sessionMaxHours: env.PLENUM_SESSION_MAX_HOURS ?? '12',
    webDir: env.PLENUM_WEB_DIR ?? path.resolve(here, '../../web/dist'),
    secureCookies: publicUrl.startsWith('https:'),
    ...overrides,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
