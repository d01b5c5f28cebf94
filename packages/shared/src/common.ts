import { z } from 'zod';
import { LANGUAGES } from './values.ts';

export const ZLanguage = z.enum(LANGUAGES).describe('Language code');
export type Language = z.infer<typeof ZLanguage>;

/** A human-language text keyed by language; at least one language present (DESIGN §2). */
export function localizedText(max = 500) {
  const one = z.string().trim().min(1).max(max);
  return z
    .object({ en: one.optional(), ru: one.optional() })
    .strict()
    .refine((v) => v.en !== undefined || v.ru !== undefined, {
      message: 'v.localizedText',
    })
    .describe('Text keyed by language code; at least one of en, ru');
}
export const ZLocalizedText = localizedText();
export type LocalizedText = z.infer<typeof ZLocalizedText>;

/** Identifier of a stored resource (UUID v7, time-ordered). */
export const ZId = z.string().min(1).max(64).describe('Resource id');

export const ZIsoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');
export const ZIsoDateTime = z.iso.datetime({ offset: true }).describe('Timestamp, ISO 8601');
export const ZTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'v.time')
  .describe('Local time of day, HH:MM');

/** ISO 3166-1 alpha-3 code of a member state. */
export const ZStateCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'v.stateCode')
  .describe('ISO 3166-1 alpha-3 code');

// Zones already found valid: building an Intl.DateTimeFormat per check costs ~0.3 ms, and the
// schema runs on every meeting written and read.
const knownZones = new Set<string>(['UTC']);
function isTimeZone(tz: string): boolean {
  if (knownZones.has(tz)) {
    return true;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  if (!tz.includes('/')) {
    return false;
  }
  knownZones.add(tz);
  return true;
}

export const ZTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'v.timeZone' })
  .describe('IANA time zone');

/** Fields every stored resource carries. */
export const ZResourceMeta = {
  version: z.number().int().describe('Incremented on every change; send it back as If-Match'),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
};

export const ZListQueryBase = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, at most 200'),
  cursor: z.string().max(512).optional().describe('Opaque cursor from nextCursor'),
});

/** A page of a list: `{items, nextCursor}` (DESIGN §4). */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = { items: T[]; nextCursor: string | null };

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');
export type Problem = z.infer<typeof ZProblem>;
