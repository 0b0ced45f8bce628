import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { ElectionPeriodsService } from './election-periods.service';
import { ProprietyController } from './propriety.controller';
import { ProprietyService } from './propriety.service';

@Module({
  controllers: [ProprietyController],
  providers: [ProprietyService, ElectionPeriodsService, DepartmentAccess],
  exports: [ElectionPeriodsService],
})
export class ProprietyModule {}
