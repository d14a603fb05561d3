import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ClientsModule } from '../clients/clients.module';
import { AssessmentsHttpController } from './assessments.http.controller';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService } from './assessments.service';
import { Assessment, AssessmentSchema } from './schemas/assessment.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: Assessment.name, schema: AssessmentSchema }]), ClientsModule],
  controllers: [AssessmentsHttpController],
  providers: [AssessmentsRepository, AssessmentsService],
})
export class AssessmentsModule {}
