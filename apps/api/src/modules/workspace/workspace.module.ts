import { Module } from '@nestjs/common';
import { RuleWriter } from './rule-writer.service';
import { WorkspaceController } from './workspace.controller';
import { WorkspaceService } from './workspace.service';

@Module({
  controllers: [WorkspaceController],
  providers: [WorkspaceService, RuleWriter],
  exports: [WorkspaceService, RuleWriter],
})
export class WorkspaceModule {}
