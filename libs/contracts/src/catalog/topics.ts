/**
 * The topic catalog: every topic the platform publishes, named `<owner>.<event-kebab>.v<N>`.
 * A breaking change to an event is a new version here, both published while consumers move.
 */
export const Topics = {
  ClientRegistered: 'intake.client-registered.v1',
  ConsentRecorded: 'intake.consent-recorded.v1',
  ReferralReceived: 'intake.referral-received.v1',
  NeedAssessed: 'intake.need-assessed.v1',
  CaseAssigned: 'care-planning.case-assigned.v1',
  CarePlanUpdated: 'care-planning.care-plan-updated.v1',
  GoalStatusChanged: 'care-planning.goal-status-changed.v1',
  TaskAssigned: 'care-planning.task-assigned.v1',
  ReferralMade: 'care-planning.referral-made.v1',
  ResourcesMatched: 'resource-directory.resources-matched.v1',
  ReferralStatusChanged: 'resource-directory.referral-status-changed.v1',
  NotificationDelivered: 'notification.notification-delivered.v1',
  NotificationFailed: 'notification.notification-failed.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Where a message that keeps failing ends, with its headers and the reason. */
export const DLQ_SUFFIX = '.dlq';
export function deadLetterTopicOf(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly retentionMs: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Every topic to provision (Kafka admin locally, Strimzi KafkaTopic in k8s): each event topic and its DLQ. */
export function topicSpecs(): TopicSpec[] {
  return Object.values(Topics).flatMap((name) => [
    { name, partitions: 3, retentionMs: 4 * WEEK_MS },
    // Dead letters are kept longer: someone has to look at them.
    { name: deadLetterTopicOf(name), partitions: 1, retentionMs: 8 * WEEK_MS },
  ]);
}
