import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { hostResolverProvider, HOST_RESOLVER } from './host-resolver';
import { WebhookSubscriptionRecord, WebhookSubscriptionSchema } from './schemas/webhook-subscription.schema';
import { WebhookSubscriptionsHttpController } from './webhook-subscriptions.http.controller';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: WebhookSubscriptionRecord.name, schema: WebhookSubscriptionSchema }])],
  controllers: [WebhookSubscriptionsHttpController],
  providers: [WebhookSubscriptionsRepository, WebhookSubscriptionsService, hostResolverProvider],
  exports: [WebhookSubscriptionsRepository, HOST_RESOLVER],
})
export class WebhookSubscriptionsModule {}
