import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { ClearanceService } from './clearance.service';
import { DraftFlow } from './draft-flow.service';
import { DraftPresenter } from './draft-presenter.service';
import { DraftsController } from './drafts.controller';
import { DraftsService } from './drafts.service';
import { ElectionPeriods } from './election-periods.service';

/** Draft replies and their clearance; every change goes through the opportunity's workflow. */
@Module({
  imports: [OpportunitiesModule],
  controllers: [DraftsController],
  providers: [DraftFlow, DraftsService, ClearanceService, DraftPresenter, ElectionPeriods, DepartmentAccess],
})
export class DraftsModule {}
