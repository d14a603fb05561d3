import { Module } from '@nestjs/common';
import { PlatformModule } from '@careloop/runtime';
import { ResourceDirectoryEnv } from './config/resource-directory.env';

@Module({
  imports: [PlatformModule.forService({ service: 'resource-directory', envClass: ResourceDirectoryEnv })],
})
export class AppModule {}
