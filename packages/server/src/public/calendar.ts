import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { type Lang, t } from './i18n.ts';
import { langPath, paths } from './paths.ts';
import type { PublicMeeting } from './repository.ts';
import { nextDay } from './time-zone.ts';
import { plain, type Site } from './views.ts';

/**
 * A wall-clock time as ical-generator expects it when an event carries a TZID: it prints the
 * Date's local fields, so the Date is built from the wall-clock fields themselves.
 */
function wallClock(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm, 0, 0);
}

/**
 * The public calendar (RFC 5545): one event per public meeting with a stable UID, SEQUENCE from
 * the meeting's version (every change raises it, so subscribers replace their copy), the
 * meeting's own time zone with its VTIMEZONE, or all-day DATE values when it has no start time.
 */
export function renderCalendar(site: Site, lang: Lang, meetings: PublicMeeting[]): string {
  const host = new URL(site.base).hostname;
  const name = site.name
    ? `${t(lang, 'calendarName')}: ${plain(site.name, lang)}`
    : t(lang, 'calendarName');
  const cal = new ICalCalendar({
    prodId: { company: 'Plenum', product: 'Public calendar', language: lang.toUpperCase() },
    name,
    url: `${site.base}${langPath(lang, paths.meetings())}`,
    ttl: 3600,
  });
  // No calendar-wide zone: each timed event names its own, and gets its VTIMEZONE.
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  for (const m of meetings) {
    const location = m.location
      ? [m.location.venue ? plain(m.location.venue, lang) : '', plain(m.location.city, lang)]
          .filter(Boolean)
          .join(', ')
      : null;
    const cancelled = m.status === 'cancelled';
    const timed = m.startTime
      ? {
          timezone: m.timeZone,
          start: wallClock(m.startDate, m.startTime),
          // Several days from a start time: until the end of the last day, in the same zone.
          ...(m.endDate !== m.startDate ? { end: wallClock(nextDay(m.endDate), '00:00') } : {}),
        }
      : // All-day DATE values; DTEND is exclusive: the day after the last day.
        { allDay: true, start: m.startDate, end: nextDay(m.endDate) };
    cal.createEvent({
      ...timed,
      id: `meeting-${m.id}@${host}`,
      sequence: m.version,
      stamp: new Date(m.updatedAt),
      lastModified: new Date(m.updatedAt),
      created: new Date(m.createdAt),
      summary: plain(m.name, lang),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(location ? { location } : {}),
      // A cancelled meeting has no public page; its event only tells of the cancellation.
      ...(cancelled ? {} : { url: `${site.base}${langPath(lang, paths.meeting(m.id))}` }),
    });
  }
  return cal.toString();
}
