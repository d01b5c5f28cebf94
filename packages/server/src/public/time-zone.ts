/** Wall-clock times of meetings in their own IANA time zone, without a date library. */

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** Minutes east of UTC that `timeZone` observes at the instant `ms`. */
function offsetMinutesAt(timeZone: string, ms: number): number {
  const values: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') {
      values[part.type] = Number(part.value);
    }
  }
  const asUtc = Date.UTC(
    values.year ?? 1970,
    (values.month ?? 1) - 1,
    values.day ?? 1,
    values.hour ?? 0,
    values.minute ?? 0,
    values.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock `date` + `time` (HH:MM) in `timeZone`, and its UTC offset then.
 * Two passes settle the offset across a daylight-saving change.
 */
export function zonedInstant(
  date: string,
  time: string,
  timeZone: string,
): { ms: number; offsetMinutes: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let offset = offsetMinutesAt(timeZone, wall);
  offset = offsetMinutesAt(timeZone, wall - offset * 60_000);
  return { ms: wall - offset * 60_000, offsetMinutes: offset };
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO 8601 with the zone's offset: 2023-04-27T10:00:00+05:00 (JSON-LD startDate). */
export function zonedIso(date: string, time: string, timeZone: string): string {
  const { offsetMinutes } = zonedInstant(date, time, timeZone);
  return `${date}T${time.slice(0, 5)}:00${formatOffset(offsetMinutes)}`;
}

/** "UTC+5" for display beside a meeting's time. */
export function offsetLabel(date: string, time: string, timeZone: string): string {
  const { offsetMinutes } = zonedInstant(date, time, timeZone);
  if (offsetMinutes === 0) {
    return 'UTC';
  }
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`;
  return `UTC${offsetMinutes < 0 ? '−' : '+'}${Math.floor(abs / 60)}${minutes}`;
}

/** The day after a YYYY-MM-DD date (iCalendar's exclusive DTEND of all-day events). */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
