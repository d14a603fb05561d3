import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { NeedAssessed, ReferralStatusChanged, Topics } from '@careloop/contracts';
import { ReliableConsumer, topicName } from '@careloop/messaging';
import { NeedPlanningService } from './need-planning.service';
import { ReferralLoopService } from './referral-loop.service';

@Controller()
export class CarePlansEventsController {
  constructor(
    private readonly consumer: ReliableConsumer,
    private readonly planning: NeedPlanningService,
    private readonly referrals: ReferralLoopService,
  ) {}

  @EventPattern(topicName(Topics.NeedAssessed))
  async onNeedAssessed(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(context, NeedAssessed, 'plan-assessed-needs', (event) => this.planning.onNeedAssessed(event));
  }

  @EventPattern(topicName(Topics.ReferralStatusChanged))
  async onReferralStatusChanged(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(context, ReferralStatusChanged, 'close-referral-loop', (event) =>
      this.referrals.onReferralStatusChanged(event),
    );
  }
}
