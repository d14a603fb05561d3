import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RecipientsHttpController } from './recipients.http.controller';
import { RecipientsRepository } from './recipients.repository';
import { RecipientsService } from './recipients.service';
import { Recipient, RecipientSchema } from './schemas/recipient.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: Recipient.name, schema: RecipientSchema }])],
  controllers: [RecipientsHttpController],
  providers: [RecipientsRepository, RecipientsService],
  exports: [RecipientsRepository],
})
export class RecipientsModule {}
