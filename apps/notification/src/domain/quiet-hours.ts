/** A recipient's quiet hours, in their own time zone (IANA name). `start` may be after `end`: 22:00-07:00. */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_SECONDS = 24 * 60 * 60;

/** Minutes since midnight of an `HH:mm` clock time, or undefined. */
export function parseClock(value: string): number | undefined {
  const m = CLOCK.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** For validating a preference when it is saved, so a bad one never reaches delivery. */
export function isValidQuietHours(q: QuietHours): boolean {
  return parseClock(q.start) !== undefined && parseClock(q.end) !== undefined && isValidTimeZone(q.timeZone);
}

function localSecondsOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 3600 + get('minute') * 60 + get('second');
}

/**
 * When quiet hours that cover `now` end, or undefined when `now` is outside them (or they are invalid: a broken
 * preference must not hold messages back forever). Corrects once for a DST change inside the window, so a 07:00 end
 * stays 07:00 local time.
 */
export function quietHoursEnd(now: Date, quiet: QuietHours): Date | undefined {
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (start === undefined || end === undefined || start === end || !isValidTimeZone(quiet.timeZone)) return undefined;
  const local = localSecondsOfDay(now, quiet.timeZone);
  const startS = start * 60;
  const endS = end * 60;
  const inside = startS < endS ? local >= startS && local < endS : local >= startS || local < endS;
  if (!inside) return undefined;
  const wholeSecond = now.getTime() - now.getUTCMilliseconds();
  let candidate = wholeSecond + (((endS - local) % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS * 1000;
  const drift = endS - localSecondsOfDay(new Date(candidate), quiet.timeZone);
  // A DST shift shows up as an hour (or so) of drift; normalise it into (-12h, 12h] before correcting.
  const correction = ((((drift + DAY_SECONDS / 2) % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS) - DAY_SECONDS / 2;
  candidate += correction * 1000;
  return new Date(candidate);
}
