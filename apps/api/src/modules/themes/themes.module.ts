import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { ThemesController } from './themes.controller';
import { ThemesService } from './themes.service';

/** A department's on-topic posts grouped into themes, read from the hourly theme roll-ups. */
@Module({
  controllers: [ThemesController],
  providers: [ThemesService, DepartmentAccess],
  exports: [ThemesService],
})
export class ThemesModule {}
