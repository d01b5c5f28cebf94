import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, type ICalCalendarData, type ICalEventData } from 'ical-generator';
import { nextDay } from '../public/time-zone.ts';

/**
 * What the public calendar and the personal calendar feeds share (RFC 5545 through
 * ical-generator): a calendar whose timed events carry their own zone with its VTIMEZONE, and a
 * meeting's start and end as such an event or as all-day dates.
 */

/**
 * A wall-clock time as ical-generator expects it when an event carries a TZID: it prints the
 * Date's local fields, so the Date is built from the wall-clock fields themselves.
 */
export function wallClock(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm, 0, 0);
}

/** A calendar with no calendar-wide zone: each timed event names its own, and gets its VTIMEZONE. */
export function zonedCalendar(data: ICalCalendarData): ICalCalendar {
  const cal = new ICalCalendar(data);
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  return cal;
}

/** When a meeting takes place: from its start time in its own zone, or all-day dates. */
export function meetingTiming(m: {
  startDate: string;
  endDate: string;
  startTime: string | null;
  timeZone: string;
}): Pick<ICalEventData, 'start' | 'end' | 'timezone' | 'allDay'> {
  return m.startTime
    ? {
        timezone: m.timeZone,
        start: wallClock(m.startDate, m.startTime),
        // Several days from a start time: until the end of the last day, in the same zone.
        ...(m.endDate !== m.startDate ? { end: wallClock(nextDay(m.endDate), '00:00') } : {}),
      }
    : // All-day DATE values; DTEND is exclusive: the day after the last day.
      { allDay: true, start: m.startDate, end: nextDay(m.endDate) };
}

/** An all-day event on one date (a due date, a deadline). */
export function allDay(date: string): Pick<ICalEventData, 'start' | 'end' | 'allDay'> {
  return { allDay: true, start: date, end: nextDay(date) };
}
