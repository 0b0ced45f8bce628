import { Module } from '@nestjs/common';
import { BackfillOutbox } from './backfill-outbox.service';
import { RuleWriter } from './rule-writer.service';
import { WorkspaceController } from './workspace.controller';
import { WorkspaceService } from './workspace.service';

@Module({
  controllers: [WorkspaceController],
  providers: [WorkspaceService, RuleWriter, BackfillOutbox],
  exports: [WorkspaceService, RuleWriter, BackfillOutbox],
})
export class WorkspaceModule {}
