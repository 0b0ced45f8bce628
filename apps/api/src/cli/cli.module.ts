import { ConfigModule } from '@parley/config';
import { DatabaseModule } from '@parley/db';
import { JobsModule } from '@parley/jobs';
import { Module } from '@nestjs/common';
import { UsersModule } from '../modules/users/users.module';
import { WorkspaceModule } from '../modules/workspace/workspace.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot('parley-api'),
    JobsModule.forRoot('parley-api'),
    UsersModule,
    WorkspaceModule,
  ],
})
export class CliModule {}
