import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ClientContactsRepository } from './client-contacts.repository';
import { ClientContactsService } from './client-contacts.service';
import { ClientContact, ClientContactSchema } from './schemas/client-contact.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: ClientContact.name, schema: ClientContactSchema }])],
  providers: [ClientContactsRepository, ClientContactsService],
  exports: [ClientContactsRepository, ClientContactsService],
})
export class ClientContactsModule {}
