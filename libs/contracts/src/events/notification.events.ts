import { z } from 'zod';
import { Topics } from '../catalog/topics';
import { defineEvent } from '../envelope/event-definition';
import { CHANNELS, RECIPIENT_KINDS } from '../enums/domain';
import { Id, Timestamp } from './common';

const NotificationAttempt = z.object({
  notificationId: Id,
  /** The event that caused the notification. */
  sourceEventId: Id,
  sourceEventType: z.string().max(128),
  clientId: Id.optional(),
  channel: z.enum(CHANNELS),
  recipientKind: z.enum(RECIPIENT_KINDS),
  /** An id of the recipient (user, partner subscription), never an address. */
  recipientRef: Id,
  attempt: z.number().int().min(1),
  at: Timestamp,
});

export const NotificationDeliveredV1 = NotificationAttempt;
export type NotificationDeliveredV1 = z.infer<typeof NotificationDeliveredV1>;

export const NotificationDelivered = defineEvent({
  name: 'NotificationDelivered',
  version: 1,
  owner: 'notification',
  topic: Topics.NotificationDelivered,
  description: 'A notification was accepted by its channel (SMTP server, SMS gateway, partner webhook endpoint).',
  schema: NotificationDeliveredV1,
  keyOf: (d) => d.notificationId,
  keyDescription: 'notificationId',
});

export const NotificationFailedV1 = NotificationAttempt.extend({
  /** A reason code such as `smtp-rejected`, `webhook-http-500`, `no-consent`, `retries-exhausted`. */
  reason: z.string().max(64),
  final: z.boolean(),
});
export type NotificationFailedV1 = z.infer<typeof NotificationFailedV1>;

export const NotificationFailed = defineEvent({
  name: 'NotificationFailed',
  version: 1,
  owner: 'notification',
  topic: Topics.NotificationFailed,
  description: 'A delivery attempt failed; `final` says whether it will be retried.',
  schema: NotificationFailedV1,
  keyOf: (d) => d.notificationId,
  keyDescription: 'notificationId',
});
