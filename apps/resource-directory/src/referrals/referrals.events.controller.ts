import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { ReferralMade, Topics } from '@careloop/contracts';
import { ReliableConsumer, topicName } from '@careloop/messaging';
import { ReferralMatchingService } from './referral-matching.service';

@Controller()
export class ReferralsEventsController {
  constructor(
    private readonly consumer: ReliableConsumer,
    private readonly matching: ReferralMatchingService,
  ) {}

  @EventPattern(topicName(Topics.ReferralMade))
  async onReferralMade(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(context, ReferralMade, 'resource-directory.match-referral', async (event) => {
      await this.matching.onReferralMade(event);
    });
  }
}
