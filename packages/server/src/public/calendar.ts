import { ICalEventStatus } from 'ical-generator';
import { meetingTiming, zonedCalendar } from '../platform/ical.ts';
import { type Lang, t } from './i18n.ts';
import { langPath, paths } from './paths.ts';
import type { PublicMeeting } from './repository.ts';
import { plain, type Site } from './views.ts';

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
  const cal = zonedCalendar({
    prodId: { company: 'Plenum', product: 'Public calendar', language: lang.toUpperCase() },
    name,
    url: `${site.base}${langPath(lang, paths.meetings())}`,
    ttl: 3600,
  });
  for (const m of meetings) {
    const location = m.location
      ? [m.location.venue ? plain(m.location.venue, lang) : '', plain(m.location.city, lang)]
          .filter(Boolean)
          .join(', ')
      : null;
    const cancelled = m.status === 'cancelled';
    cal.createEvent({
      ...meetingTiming(m),
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
