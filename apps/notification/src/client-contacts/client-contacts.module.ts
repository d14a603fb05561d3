import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ClientContactsEventsController } from './client-contacts.events.controller';
import { ClientContactsRepository } from './client-contacts.repository';
import { ClientContactsService } from './client-contacts.service';
import { ClientContact, ClientContactSchema } from './schemas/client-contact.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: ClientContact.name, schema: ClientContactSchema }])],
  controllers: [ClientContactsEventsController],
  providers: [ClientContactsRepository, ClientContactsService],
  exports: [ClientContactsRepository],
})
export class ClientContactsModule {}
