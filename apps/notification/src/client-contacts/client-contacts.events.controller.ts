import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { ClientRegistered, ConsentRecorded, Topics } from '@careloop/contracts';
import { ReliableConsumer, topicName } from '@careloop/messaging';
import { ClientContactsService } from './client-contacts.service';

@Controller()
export class ClientContactsEventsController {
  constructor(
    private readonly consumer: ReliableConsumer,
    private readonly contacts: ClientContactsService,
  ) {}

  @EventPattern(topicName(Topics.ClientRegistered))
  async onClientRegistered(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(context, ClientRegistered, 'client-contact-copy', (event) =>
      this.contacts.onClientRegistered(event.tenantid, event.data),
    );
  }

  @EventPattern(topicName(Topics.ConsentRecorded))
  async onConsentRecorded(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(context, ConsentRecorded, 'client-contact-copy', (event) =>
      this.contacts.onConsentRecorded(event.tenantid, event.data),
    );
  }
}
