import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { OpportunitiesController } from './opportunities.controller';
import { OpportunityActionsService } from './opportunity-actions.service';
import { OpportunityReadsService } from './opportunity-reads.service';
import { OpportunityWorkflowService } from './opportunity-workflow.service';
import { ReferralService } from './referral.service';

/**
 * Opportunities as work: their status, people and timeline. Other modules change an opportunity only through
 * OpportunityWorkflowService (exported), so every change is checked, versioned and recorded the same way.
 */
@Module({
  controllers: [OpportunitiesController],
  providers: [
    DepartmentAccess,
    OpportunityWorkflowService,
    OpportunityReadsService,
    OpportunityActionsService,
    ReferralService,
  ],
  exports: [OpportunityWorkflowService, OpportunityReadsService],
})
export class OpportunitiesModule {}
