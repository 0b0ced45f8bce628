import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { LawfulListeningModule } from '../lawful-listening/lawful-listening.module';
import { WorkspaceModule } from '../workspace/workspace.module';
import { RulesController } from './rules.controller';
import { RulesService } from './rules.service';

@Module({
  imports: [WorkspaceModule, LawfulListeningModule],
  controllers: [RulesController],
  providers: [RulesService, DepartmentAccess],
})
export class RulesModule {}
