import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { ProprietyModule } from '../propriety/propriety.module';
import { DraftGate } from './draft-gate';
import { EngagementsController } from './engagements.controller';
import { EngagementsService } from './engagements.service';
import { PublishFlow } from './publish-flow.service';

/** Recording and publishing what a department did on an opportunity; the status moves through the workflow. */
@Module({
  imports: [OpportunitiesModule, ProprietyModule],
  controllers: [EngagementsController],
  providers: [DepartmentAccess, DraftGate, EngagementsService, PublishFlow],
})
export class EngagementsModule {}
