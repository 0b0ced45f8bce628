import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { BundleController } from './bundle.controller';
import { BundleService } from './bundle.service';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';

/** The audit log, the FOI case bundle and the records export: what Parley can show of what was done, and by whom. */
@Module({
  controllers: [AuditController, BundleController, RecordsController],
  providers: [AuditService, BundleService, RecordsService, DepartmentAccess],
})
export class GovernanceModule {}
