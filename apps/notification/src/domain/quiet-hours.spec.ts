/// <reference types="jest" />
import { isValidQuietHours, parseClock, quietHoursEnd } from './quiet-hours';

const overnightNY = { start: '22:00', end: '07:00', timeZone: 'America/New_York' };

describe('quiet hours', () => {
  it('parses HH:mm clocks strictly', () => {
    expect(parseClock('07:30')).toBe(450);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBeUndefined();
    expect(parseClock('7:30')).toBeUndefined();
  });

  it('validates a preference', () => {
    expect(isValidQuietHours(overnightNY)).toBe(true);
    expect(isValidQuietHours({ ...overnightNY, timeZone: 'Mars/Olympus' })).toBe(false);
    expect(isValidQuietHours({ ...overnightNY, end: '7am' })).toBe(false);
  });

  it('ends an overnight window at the local end time the same night', () => {
    // 23:15 in New York (EST, UTC-5) on 10 Jan.
    expect(quietHoursEnd(new Date('2025-01-11T04:15:00.000Z'), overnightNY)).toEqual(new Date('2025-01-11T12:00:00.000Z'));
  });

  it('ends an overnight window after midnight', () => {
    // 05:30 local.
    expect(quietHoursEnd(new Date('2025-01-11T10:30:45.123Z'), overnightNY)).toEqual(new Date('2025-01-11T12:00:00.000Z'));
  });

  it('is not quiet outside the window, at its end, or when start equals end', () => {
    expect(quietHoursEnd(new Date('2025-01-11T17:00:00.000Z'), overnightNY)).toBeUndefined();
    expect(quietHoursEnd(new Date('2025-01-11T12:00:00.000Z'), overnightNY)).toBeUndefined();
    expect(quietHoursEnd(new Date('2025-01-11T03:00:00.000Z'), overnightNY)).toEqual(new Date('2025-01-11T12:00:00.000Z'));
    expect(quietHoursEnd(new Date('2025-01-11T04:15:00.000Z'), { ...overnightNY, end: '22:00' })).toBeUndefined();
  });

  it('handles a same-day window', () => {
    const lunch = { start: '12:00', end: '13:30', timeZone: 'UTC' };
    expect(quietHoursEnd(new Date('2025-01-11T12:10:00.000Z'), lunch)).toEqual(new Date('2025-01-11T13:30:00.000Z'));
    expect(quietHoursEnd(new Date('2025-01-11T13:30:00.000Z'), lunch)).toBeUndefined();
  });

  it('keeps the local end time across a DST change inside the window', () => {
    // US spring forward on 9 Mar 2025: 23:00 EST on the 8th, quiet until 07:00 EDT (11:00 UTC).
    expect(quietHoursEnd(new Date('2025-03-09T04:00:00.000Z'), overnightNY)).toEqual(new Date('2025-03-09T11:00:00.000Z'));
    // Fall back on 2 Nov 2025: 23:00 EDT on the 1st, quiet until 07:00 EST (12:00 UTC).
    expect(quietHoursEnd(new Date('2025-11-02T03:00:00.000Z'), overnightNY)).toEqual(new Date('2025-11-02T12:00:00.000Z'));
  });

  it('ignores an invalid preference instead of holding messages forever', () => {
    expect(quietHoursEnd(new Date('2025-01-11T04:15:00.000Z'), { ...overnightNY, timeZone: 'Nowhere/Else' })).toBeUndefined();
  });
});
