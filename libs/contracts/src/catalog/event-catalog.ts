import { EventDefinition } from '../envelope/event-definition';
import { CaseAssigned, CarePlanUpdated, GoalStatusChanged, ReferralMade, TaskAssigned } from '../events/care-planning.events';
import { ClientRegistered, ConsentRecorded, NeedAssessed, ReferralReceived } from '../events/intake.events';
import { NotificationDelivered, NotificationFailed } from '../events/notification.events';
import { ReferralStatusChanged, ResourcesMatched } from '../events/resource-directory.events';
import { Topics } from './topics';

/** Every event of the platform. A topic in `Topics` without an event here (or the reverse) fails the catalog spec. */
export const EVENT_CATALOG: readonly EventDefinition[] = [
  ClientRegistered,
  ConsentRecorded,
  ReferralReceived,
  NeedAssessed,
  CaseAssigned,
  CarePlanUpdated,
  GoalStatusChanged,
  TaskAssigned,
  ReferralMade,
  ResourcesMatched,
  ReferralStatusChanged,
  NotificationDelivered,
  NotificationFailed,
];

const byTopic = new Map(EVENT_CATALOG.map((e) => [e.topic, e]));
const byType = new Map(EVENT_CATALOG.map((e) => [e.type, e]));

export function eventByTopic(topic: string): EventDefinition | undefined {
  return byTopic.get(topic);
}

export function eventByType(type: string): EventDefinition | undefined {
  return byType.get(type);
}

export const ALL_EVENT_TOPICS: readonly string[] = Object.values(Topics);
