import path from 'node:path';
import { ROLES } from '@plenum/shared';
import { z } from 'zod';
import { REPO_ROOT } from './repo-root.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Plain http reaches a provider only on this machine: development and the tests' provider. */
export const isAllowedIssuer = (url: URL) =>
  url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));

/** `value=role,value=role`: which value of the role claim gives which role. */
const ZRoleMap = z.string().transform((text, ctx) => {
  const entries: { value: string; role: (typeof ROLES)[number] }[] = [];
  for (const part of text.split(',')) {
    const at = part.lastIndexOf('=');
    const value = part.slice(0, at).trim();
    const role = part.slice(at + 1).trim();
    if (at < 1 || !value || !(ROLES as readonly string[]).includes(role)) {
      ctx.addIssue({
        code: 'custom',
        message: `PLENUM_OIDC_ROLE_MAP: "${part.trim()}" is not value=${ROLES.join('|')}`,
      });
      return z.NEVER;
    }
    entries.push({ value, role: role as (typeof ROLES)[number] });
  }
  return entries;
});

/** Single sign-on through an OpenID Connect provider (PLENUM_OIDC_*). */
const ZOidcConfig = z.object({
  /** The provider's issuer URL; https, or http on a loopback address (development, tests). */
  issuer: z
    .url()
    .refine(
      (u) => URL.canParse(u) && isAllowedIssuer(new URL(u)),
      'PLENUM_OIDC_ISSUER must be https (http only on localhost)',
    ),
  clientId: z.string().min(1),
  /** Absent for a public client (PKCE alone). */
  clientSecret: z.string().min(1).optional(),
  scopes: z
    .string()
    .refine((s) => s.split(/\s+/).includes('openid'), 'PLENUM_OIDC_SCOPES must include openid'),
  /** The claim holding the role values (a string or an array); a dotted path reaches nested ones. */
  roleClaim: z.string().min(1),
  roleMap: ZRoleMap.pipe(z.array(z.object({ value: z.string(), role: z.enum(ROLES) })).min(1)),
  /** The claim holding a delegate's member state (ISO 3166-1 alpha-3). */
  stateClaim: z.string().min(1),
  /** The text of the sign-in button. */
  label: z.string().min(1).max(80),
  /** Create unknown users at their first sign-in; otherwise they must exist (verified e-mail). */
  createUsers: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
});
export type OidcConfig = z.infer<typeof ZOidcConfig>;

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
  /**
   * Memory for kept API answers in MB (PLENUM_API_CACHE_MB, 32 by default; 0 turns the cache
   * off): see platform/api-cache.ts.
   */
  apiCacheMegabytes: z.coerce.number().min(0).max(4096),
  /**
   * Memory for rendered portal pages in MB (PLENUM_PAGE_CACHE_MB, 16 by default; 0 keeps none):
   * see public/cache.ts.
   */
  pageCacheMegabytes: z.coerce.number().min(0).max(4096),
  /** Single sign-on; null unless PLENUM_OIDC_ISSUER is set. */
  oidc: ZOidcConfig.nullable(),
  /**
   * The jurisdiction code of Akoma Ntoso IRIs (PLENUM_AKN_JURISDICTION, `csto` by default): part
   * of every FRBR IRI (/akn/{code}/…), so choose it once before publishing.
   */
  aknJurisdiction: z
    .string()
    .regex(/^[a-z][a-z0-9.-]{1,31}$/, 'PLENUM_AKN_JURISDICTION must be lowercase a-z, 0-9, . or -'),
});
export type Config = z.infer<typeof ZConfig>;

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
    webDir: env.PLENUM_WEB_DIR ?? path.join(REPO_ROOT, 'packages', 'web', 'dist'),
    secureCookies: publicUrl.startsWith('https:'),
    filesMaxBytes: env.PLENUM_FILES_MAX_BYTES ?? String(50 * 1024 * 1024),
    aknJurisdiction: env.PLENUM_AKN_JURISDICTION || 'csto',
    apiCacheMegabytes: env.PLENUM_API_CACHE_MB ?? '32',
    pageCacheMegabytes: env.PLENUM_PAGE_CACHE_MB ?? '16',
    oidc: env.PLENUM_OIDC_ISSUER
      ? {
          issuer: env.PLENUM_OIDC_ISSUER,
          clientId: env.PLENUM_OIDC_CLIENT_ID,
          clientSecret: env.PLENUM_OIDC_CLIENT_SECRET || undefined,
          scopes: env.PLENUM_OIDC_SCOPES || 'openid email profile',
          roleClaim: env.PLENUM_OIDC_ROLE_CLAIM || 'groups',
          roleMap: env.PLENUM_OIDC_ROLE_MAP,
          stateClaim: env.PLENUM_OIDC_STATE_CLAIM || 'member_state',
          label: env.PLENUM_OIDC_LABEL || 'Single sign-on',
          createUsers: (env.PLENUM_OIDC_CREATE_USERS || 'true').toLowerCase(),
        }
      : null,
    ...overrides,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
