import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { BundleController } from './bundle.controller';
import { BundleService } from './bundle.service';

/** The audit log and the FOI case bundle: what Parley can show of what was done, and by whom. */
@Module({
  controllers: [AuditController, BundleController],
  providers: [AuditService, BundleService, DepartmentAccess],
})
export class GovernanceModule {}
