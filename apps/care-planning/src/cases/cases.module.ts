import { Module } from '@nestjs/common';
import { CarePlansModule } from '../care-plans/care-plans.module';
import { ManagersModule } from '../managers/managers.module';
import { CasesHttpController } from './cases.http.controller';
import { CasesService } from './cases.service';

/** Cases live in the client's care record (see CareRecord); this module is their HTTP face. */
@Module({
  imports: [CarePlansModule, ManagersModule],
  controllers: [CasesHttpController],
  providers: [CasesService],
})
export class CasesModule {}
