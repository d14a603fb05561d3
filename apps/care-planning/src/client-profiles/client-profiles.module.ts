import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ClientProfilesEventsController } from './client-profiles.events.controller';
import { ClientProfilesRepository } from './client-profiles.repository';
import { ClientProfile, ClientProfileSchema } from './schemas/client-profile.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: ClientProfile.name, schema: ClientProfileSchema }])],
  controllers: [ClientProfilesEventsController],
  providers: [ClientProfilesRepository],
  exports: [ClientProfilesRepository],
})
export class ClientProfilesModule {}
