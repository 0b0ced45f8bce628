import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { ProprietyModule } from '../propriety/propriety.module';
import { ClearanceService } from './clearance.service';
import { DraftFlow } from './draft-flow.service';
import { DraftPresenter } from './draft-presenter.service';
import { DraftsController } from './drafts.controller';
import { DraftsService } from './drafts.service';

/** Draft replies and their clearance; every change goes through the opportunity's workflow. */
@Module({
  imports: [OpportunitiesModule, ProprietyModule],
  controllers: [DraftsController],
  providers: [DraftFlow, DraftsService, ClearanceService, DraftPresenter, DepartmentAccess],
})
export class DraftsModule {}
