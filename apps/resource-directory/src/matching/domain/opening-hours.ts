import type { OpeningSchedule } from '../../directory/domain/directory-service.model';
import { HSDS_WEEKDAYS, type HsdsWeekday } from '../../directory/domain/hsds.types';

/*
 * HSDS schedules are RFC 5545 recurrence rules reduced to what directories use: WEEKLY by weekday, MONTHLY by
 * weekday ordinal (2MO, -1FR) or day of month, an interval from dtstart, a validity window, and opening times.
 * Supported here:
 *   - times in the service's IANA time zone (the `timeZone` argument), unless the time carries its own offset
 *     (`09:00-05:00`) or the schedule gives one (`timezone`, hours from UTC);
 *   - closes_at at or before opens_at means the hours run past midnight (a shelter open 19:00-07:00), and
 *     opens_at = closes_at or closes_at 24:00 mean all day;
 *   - a schedule without opening times says nothing about hours and never makes a service open.
 * byweekno, byyearday and count are not evaluated.
 */

const MINUTES_PER_DAY = 24 * 60;
const MS_PER_DAY = 86_400_000;

interface CivilDay {
  /** Days since 1970-01-01 in the schedule's own calendar. */
  dayNumber: number;
  year: number;
  month: number;
  day: number;
  /** 0 = Monday ... 6 = Sunday, the RFC 5545 order of HSDS_WEEKDAYS. */
  weekday: number;
}

interface LocalMoment extends CivilDay {
  minutes: number;
}

interface ParsedTime {
  minutes: number;
  offsetMinutes?: number;
}

/** Whether any schedule has the service open at `date`. Throws RangeError for an unknown time zone. */
export function isOpenAt(schedules: readonly OpeningSchedule[], date: Date, timeZone: string): boolean {
  return schedules.some((schedule) => isScheduleOpenAt(schedule, date, timeZone));
}

export function isScheduleOpenAt(schedule: OpeningSchedule, date: Date, timeZone: string): boolean {
  if (schedule.opens_at === undefined || schedule.closes_at === undefined) return false;
  const opens = parseTime(schedule.opens_at);
  const closes = parseTime(schedule.closes_at);
  if (!opens || !closes) return false;

  const offsetMinutes =
    opens.offsetMinutes ??
    closes.offsetMinutes ??
    (schedule.timezone === undefined ? undefined : Math.round(schedule.timezone * 60));
  const now = offsetMinutes === undefined ? momentInZone(date, timeZone) : momentAtOffset(date, offsetMinutes);

  const start = opens.minutes;
  // A closing time given in another offset than the opening time is brought into the opening time's frame.
  let end = closes.minutes + (opens.offsetMinutes !== undefined && closes.offsetMinutes !== undefined ? opens.offsetMinutes - closes.offsetMinutes : 0);
  if (end <= start) end += MINUTES_PER_DAY;

  if (now.minutes >= start && now.minutes < end && occursOn(schedule, now)) return true;
  // Hours that began yesterday and run past midnight.
  return end > MINUTES_PER_DAY && now.minutes < end - MINUTES_PER_DAY && occursOn(schedule, civilDay(now.dayNumber - 1));
}

/** Whether the schedule's recurrence includes the given day (times aside). */
function occursOn(schedule: OpeningSchedule, day: CivilDay): boolean {
  const iso = isoDate(day);
  if (schedule.valid_from !== undefined && iso < schedule.valid_from) return false;
  if (schedule.valid_to !== undefined && iso > schedule.valid_to) return false;
  const start = schedule.dtstart === undefined ? undefined : civilDayFromIso(schedule.dtstart);
  if (start && day.dayNumber < start.dayNumber) return false;

  if (schedule.freq === 'MONTHLY') return occursMonthly(schedule, day, start);

  const days = parseByDay(schedule.byday);
  if (days.length > 0 && !days.some((part) => part.weekday === day.weekday)) return false;
  if (days.length === 0 && start && schedule.freq === 'WEEKLY' && start.weekday !== day.weekday) return false;
  const interval = schedule.interval ?? 1;
  if (interval > 1 && start) {
    const weeksApart = Math.floor((weekStart(day) - weekStart(start)) / 7);
    if (weeksApart % interval !== 0) return false;
  }
  return true;
}

function occursMonthly(schedule: OpeningSchedule, day: CivilDay, start: CivilDay | undefined): boolean {
  const daysInMonth = new Date(Date.UTC(day.year, day.month, 0)).getUTCDate();
  const byDay = parseByDay(schedule.byday);
  const byMonthDay = (schedule.bymonthday ?? '')
    .split(',')
    .filter((part) => part !== '')
    .map(Number);

  const dayMatches =
    byDay.length === 0 ||
    byDay.some(({ weekday, ordinal }) => {
      if (weekday !== day.weekday) return false;
      if (ordinal === undefined) return true;
      return ordinal > 0
        ? Math.ceil(day.day / 7) === ordinal
        : Math.ceil((daysInMonth - day.day + 1) / 7) === -ordinal;
    });
  const monthDayMatches =
    byMonthDay.length === 0 ||
    byMonthDay.some((monthDay) => (monthDay > 0 ? monthDay === day.day : daysInMonth + monthDay + 1 === day.day));
  if (byDay.length === 0 && byMonthDay.length === 0 && start) return start.day === day.day && monthsApartOk(schedule, day, start);
  return dayMatches && monthDayMatches && (start === undefined || monthsApartOk(schedule, day, start));
}

function monthsApartOk(schedule: OpeningSchedule, day: CivilDay, start: CivilDay): boolean {
  const interval = schedule.interval ?? 1;
  const monthsApart = (day.year - start.year) * 12 + (day.month - start.month);
  return monthsApart % interval === 0;
}

function parseByDay(byday: string | undefined): Array<{ weekday: number; ordinal?: number }> {
  if (!byday) return [];
  return byday.split(',').flatMap((part) => {
    const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(part.trim().toUpperCase());
    const weekday = match ? HSDS_WEEKDAYS.indexOf(match[2] as HsdsWeekday) : -1;
    if (!match || weekday < 0) return [];
    return [match[1] === undefined ? { weekday } : { weekday, ordinal: Number(match[1]) }];
  });
}

/** HH:MM[:SS][Z|±HH[:]MM] to minutes after midnight (and its offset, when it has one). */
export function parseTime(value: string): ParsedTime | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]) + Number(match[3] ?? 0) / 60;
  if (minutes > MINUTES_PER_DAY) return undefined;
  const zone = match[4];
  if (zone === undefined) return { minutes };
  if (zone.toUpperCase() === 'Z') return { minutes, offsetMinutes: 0 };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return { minutes, offsetMinutes: sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function momentInZone(date: Date, timeZone: string): LocalMoment {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return { ...civilDay(Date.UTC(year, month - 1, day) / MS_PER_DAY), minutes: hour * 60 + minute + second / 60 };
}

function momentAtOffset(date: Date, offsetMinutes: number): LocalMoment {
  const shifted = date.getTime() + offsetMinutes * 60_000;
  const dayNumber = Math.floor(shifted / MS_PER_DAY);
  return { ...civilDay(dayNumber), minutes: (shifted - dayNumber * MS_PER_DAY) / 60_000 };
}

function civilDay(dayNumber: number): CivilDay {
  const date = new Date(dayNumber * MS_PER_DAY);
  return {
    dayNumber,
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    // getUTCDay counts from Sunday; RFC 5545 order starts on Monday.
    weekday: (date.getUTCDay() + 6) % 7,
  };
}

function civilDayFromIso(iso: string): CivilDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? civilDay(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY) : undefined;
}

function isoDate(day: CivilDay): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

/** The day number of the Monday starting the day's week. */
function weekStart(day: CivilDay): number {
  return day.dayNumber - day.weekday;
}
