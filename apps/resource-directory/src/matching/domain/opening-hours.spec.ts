import type { OpeningSchedule } from '../../directory/domain/directory-service.model';
import { isOpenAt, parseTime } from './opening-hours';

const NY = 'America/New_York';
const weekdays: OpeningSchedule = { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' };

describe('isOpenAt', () => {
  it.each([
    ['2025-03-10T14:00:00Z', true], // Monday 10:00 EDT
    ['2025-03-10T13:00:00Z', true], // Monday 09:00 EDT, opening minute
    ['2025-03-10T12:59:00Z', false], // 08:59
    ['2025-03-10T21:00:00Z', false], // 17:00, closing is exclusive
    ['2025-03-10T20:59:00Z', true],
    ['2025-03-08T15:00:00Z', false], // Saturday
    ['2025-03-07T14:30:00Z', true], // Friday 09:30 EST, before the DST change
    ['2025-03-07T13:30:00Z', false], // Friday 08:30 EST: the same UTC time is open after DST
    ['2025-03-10T13:30:00Z', true], // Monday 09:30 EDT
  ])('weekday hours in New York at %s -> %s', (iso, open) => {
    expect(isOpenAt([weekdays], new Date(iso), NY)).toBe(open);
  });

  it('reads the same wall-clock hours in another zone', () => {
    expect(isOpenAt([weekdays], new Date('2025-03-10T14:00:00Z'), 'Asia/Tokyo')).toBe(false); // 23:00 in Tokyo
    expect(isOpenAt([weekdays], new Date('2025-03-10T01:00:00Z'), 'Asia/Tokyo')).toBe(true); // Monday 10:00 in Tokyo
  });

  describe('hours past midnight', () => {
    const fridayNights: OpeningSchedule = { freq: 'WEEKLY', byday: 'FR', opens_at: '19:00', closes_at: '07:00' };
    it.each([
      ['2025-03-08T00:30:00Z', true], // Friday 19:30 EST
      ['2025-03-08T08:00:00Z', true], // Saturday 03:00, still Friday's night
      ['2025-03-08T12:30:00Z', false], // Saturday 07:30
      ['2025-03-07T23:30:00Z', false], // Friday 18:30
      ['2025-03-09T01:00:00Z', false], // Saturday 20:00: not a Friday
    ])('%s -> %s', (iso, open) => {
      expect(isOpenAt([fridayNights], new Date(iso), NY)).toBe(open);
    });
  });

  it('treats 00:00-24:00 and equal times as all day', () => {
    const always: OpeningSchedule = { byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '24:00' };
    const equal: OpeningSchedule = { opens_at: '08:00', closes_at: '08:00' };
    for (const iso of ['2025-03-09T04:59:00Z', '2025-03-09T05:00:00Z', '2025-07-04T16:45:00Z']) {
      expect(isOpenAt([always], new Date(iso), NY)).toBe(true);
      expect(isOpenAt([equal], new Date(iso), NY)).toBe(true);
    }
  });

  it('uses an offset written on the time rather than the zone argument', () => {
    const eastern: OpeningSchedule = { byday: 'MO', opens_at: '09:00-05:00', closes_at: '17:00-05:00' };
    expect(isOpenAt([eastern], new Date('2025-01-06T14:30:00Z'), 'Asia/Tokyo')).toBe(true); // 09:30 at -05:00
    expect(isOpenAt([eastern], new Date('2025-01-06T13:30:00Z'), 'Asia/Tokyo')).toBe(false);
    const utc: OpeningSchedule = { byday: 'MO', opens_at: '09:00Z', closes_at: '17:00Z' };
    expect(isOpenAt([utc], new Date('2025-01-06T09:00:00Z'), NY)).toBe(true);
  });

  it('uses the HSDS timezone offset (hours from UTC) when given', () => {
    const plusThree: OpeningSchedule = { byday: 'MO', opens_at: '09:00', closes_at: '10:00', timezone: 3 };
    expect(isOpenAt([plusThree], new Date('2025-01-06T06:30:00Z'), NY)).toBe(true);
    expect(isOpenAt([plusThree], new Date('2025-01-06T09:30:00Z'), NY)).toBe(false);
  });

  it('finds ordinal weekdays and days of the month', () => {
    const secondSaturday: OpeningSchedule = { freq: 'MONTHLY', byday: '2SA', opens_at: '10:00', closes_at: '13:00' };
    const lastFriday: OpeningSchedule = { freq: 'MONTHLY', byday: '-1FR', opens_at: '10:00', closes_at: '13:00' };
    const fifteenth: OpeningSchedule = { freq: 'MONTHLY', bymonthday: '15', opens_at: '10:00', closes_at: '13:00' };
    // March 2025: Saturdays 1, 8, 15...; last Friday the 28th.
    expect(isOpenAt([secondSaturday], new Date('2025-03-08T11:00:00Z'), 'UTC')).toBe(true);
    expect(isOpenAt([secondSaturday], new Date('2025-03-08T16:00:00Z'), 'UTC')).toBe(false);
    expect(isOpenAt([secondSaturday], new Date('2025-03-01T11:00:00Z'), 'UTC')).toBe(false);
    expect(isOpenAt([secondSaturday], new Date('2025-03-15T11:00:00Z'), 'UTC')).toBe(false);
    expect(isOpenAt([lastFriday], new Date('2025-03-28T11:00:00Z'), 'UTC')).toBe(true);
    expect(isOpenAt([lastFriday], new Date('2025-03-21T11:00:00Z'), 'UTC')).toBe(false);
    expect(isOpenAt([fifteenth], new Date('2025-03-15T11:00:00Z'), 'UTC')).toBe(true);
    expect(isOpenAt([fifteenth], new Date('2025-03-16T11:00:00Z'), 'UTC')).toBe(false);
  });

  it('honours every-other-week schedules from dtstart', () => {
    const fortnightly: OpeningSchedule = { freq: 'WEEKLY', interval: 2, dtstart: '2025-03-03', byday: 'MO', opens_at: '09:00', closes_at: '12:00' };
    expect(isOpenAt([fortnightly], new Date('2025-03-03T10:00:00Z'), 'UTC')).toBe(true);
    expect(isOpenAt([fortnightly], new Date('2025-03-10T10:00:00Z'), 'UTC')).toBe(false);
    expect(isOpenAt([fortnightly], new Date('2025-03-17T10:00:00Z'), 'UTC')).toBe(true);
    expect(isOpenAt([fortnightly], new Date('2025-02-17T10:00:00Z'), 'UTC')).toBe(false); // before dtstart
  });

  it('is closed outside valid_from / valid_to', () => {
    const winter: OpeningSchedule = { byday: 'MO,TU,WE,TH', opens_at: '09:00', closes_at: '16:00', valid_from: '2025-11-01', valid_to: '2026-04-30' };
    expect(isOpenAt([winter], new Date('2025-12-01T15:00:00Z'), NY)).toBe(true);
    expect(isOpenAt([winter], new Date('2025-06-02T15:00:00Z'), NY)).toBe(false);
    expect(isOpenAt([winter], new Date('2026-05-04T15:00:00Z'), NY)).toBe(false);
  });

  it('is open when any schedule is, and never from a schedule without times', () => {
    const saturday: OpeningSchedule = { byday: 'SA', opens_at: '09:00', closes_at: '12:00' };
    expect(isOpenAt([weekdays, saturday], new Date('2025-03-08T15:00:00Z'), NY)).toBe(true);
    expect(isOpenAt([{ byday: 'MO,TU,WE,TH,FR,SA,SU' }], new Date('2025-03-08T15:00:00Z'), NY)).toBe(false);
    expect(isOpenAt([], new Date('2025-03-08T15:00:00Z'), NY)).toBe(false);
  });

  it('throws on an unknown time zone', () => {
    expect(() => isOpenAt([weekdays], new Date('2025-03-10T14:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('parseTime', () => {
  it.each([
    ['09:00', { minutes: 540 }],
    ['9:30', { minutes: 570 }],
    ['18:00:00', { minutes: 1080 }],
    ['24:00', { minutes: 1440 }],
    ['09:00Z', { minutes: 540, offsetMinutes: 0 }],
    ['09:00-05:00', { minutes: 540, offsetMinutes: -300 }],
    ['09:00+0530', { minutes: 540, offsetMinutes: 330 }],
  ])('%s', (value, expected) => {
    expect(parseTime(value)).toEqual(expected);
  });

  it.each(['9', '25:00', 'noon', ''])('refuses %j', (value) => {
    expect(parseTime(value)).toBeUndefined();
  });
});
