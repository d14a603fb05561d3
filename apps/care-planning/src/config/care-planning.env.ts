import { BaseEnv } from '@careloop/observability';
import { IsString, ValidateBy } from 'class-validator';

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export class CarePlanningEnv extends BaseEnv {
  /**
   * Where the care team works (IANA zone). Due dates are calendar dates and "today" depends on the zone: an urgent
   * task planned at 21:00 in New York is due that evening's date, not tomorrow's UTC date.
   */
  @IsString()
  @ValidateBy({
    name: 'isTimeZone',
    validator: { validate: isTimeZone, defaultMessage: () => 'must be an IANA time zone such as UTC or America/New_York' },
  })
  CARE_TEAM_TIME_ZONE = 'UTC';
}
