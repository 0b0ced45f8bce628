import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';

@Module({ controllers: [ConversationsController], providers: [ConversationsService, DepartmentAccess] })
export class ConversationsModule {}
