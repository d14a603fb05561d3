import { Module } from '@nestjs/common';
import { PlatformModule } from '@careloop/runtime';
import { ResourceDirectoryEnv } from './config/resource-directory.env';
import { DirectoryModule } from './directory/directory.module';
import { ReferralsModule } from './referrals/referrals.module';
import { SearchModule } from './search/search.module';

@Module({
  imports: [
    PlatformModule.forService({ service: 'resource-directory', envClass: ResourceDirectoryEnv }),
    DirectoryModule,
    SearchModule,
    ReferralsModule,
  ],
})
export class AppModule {}
