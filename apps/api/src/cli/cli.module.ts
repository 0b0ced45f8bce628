import { Module } from '@nestjs/common';
import { InfrastructureModule } from '../common/infrastructure.module';
import { UsersModule } from '../modules/users/users.module';
import { WorkspaceModule } from '../modules/workspace/workspace.module';

@Module({ imports: [InfrastructureModule, UsersModule, WorkspaceModule] })
export class CliModule {}
