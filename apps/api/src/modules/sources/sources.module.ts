import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({ controllers: [SourcesController], providers: [SourcesService, DepartmentAccess] })
export class SourcesModule {}
