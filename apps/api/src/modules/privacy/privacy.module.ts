import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { LegalHoldsService } from './legal-holds.service';
import { LegalHoldsController, RetentionController, SubjectRequestsController } from './privacy.controller';
import { RetentionStatusService } from './retention-status.service';
import { SubjectRequestsService } from './subject-requests.service';

/** Retention status, legal holds and subject requests (issue 13: listening lawfully). */
@Module({
  controllers: [LegalHoldsController, SubjectRequestsController, RetentionController],
  providers: [LegalHoldsService, SubjectRequestsService, RetentionStatusService, DepartmentAccess],
})
export class PrivacyModule {}
