import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import {
  CarePlanUpdated,
  CaseAssigned,
  ClientRegistered,
  ConsentRecorded,
  EventDefinition,
  GoalStatusChanged,
  ReferralMade,
  ReferralReceived,
  ReferralStatusChanged,
  ResourcesMatched,
  TaskAssigned,
  Topics,
} from '@careloop/contracts';
import { ReliableConsumer, topicName } from '@careloop/messaging';
import { ClientContactsService } from '../client-contacts/client-contacts.service';
import { NotificationPlanner } from './notification-planner.service';

const HANDLER = 'plan-notifications';

/**
 * The events that can cause a notification: the ones the decision rules address to people, and every type partners may
 * subscribe to (`isPartnerShareable`). NeedAssessed is neither, so it is not consumed.
 */
@Controller()
export class NotificationsEventsController {
  constructor(
    private readonly consumer: ReliableConsumer,
    private readonly planner: NotificationPlanner,
    private readonly contacts: ClientContactsService,
  ) {}

  /** The client's contact copy; then whatever waited for it (events that overtook the registration). */
  @EventPattern(topicName(Topics.ClientRegistered))
  async onClientRegistered(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(context, ClientRegistered, 'client-contact-copy', async (event) => {
      await this.contacts.onClientRegistered(event.tenantid, event.data);
      await this.planner.replayDeferred(event.tenantid, event.data.clientId);
    });
  }

  @EventPattern(topicName(Topics.ConsentRecorded))
  async onConsentRecorded(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(context, ConsentRecorded, 'client-contact-copy', async (event) => {
      await this.contacts.onConsentRecorded(event.tenantid, event.data);
      await this.planner.replayDeferred(event.tenantid, event.data.clientId);
    });
  }

  private async plan(context: KafkaContext, def: EventDefinition): Promise<void> {
    await this.consumer.handle(context, def, HANDLER, async (event) => {
      await this.planner.plan(event);
    });
  }

  @EventPattern(topicName(Topics.CaseAssigned))
  onCaseAssigned(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.plan(context, CaseAssigned);
  }

  @EventPattern(topicName(Topics.TaskAssigned))
  onTaskAssigned(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.plan(context, TaskAssigned);
  }

  @EventPattern(topicName(Topics.ReferralStatusChanged))
  onReferralStatusChanged(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.plan(context, ReferralStatusChanged);
  }

  @EventPattern(topicName(Topics.ReferralMade))
  onReferralMade(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.plan(context, ReferralMade);
  }

  @EventPattern(topicName(Topics.ReferralReceived))
  onReferralReceived(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.plan(context, ReferralReceived);
  }

  @EventPattern(topicName(Topics.ResourcesMatched))
  onResourcesMatched(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.plan(context, ResourcesMatched);
  }

  @EventPattern(topicName(Topics.CarePlanUpdated))
  onCarePlanUpdated(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.plan(context, CarePlanUpdated);
  }

  @EventPattern(topicName(Topics.GoalStatusChanged))
  onGoalStatusChanged(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.plan(context, GoalStatusChanged);
  }
}
