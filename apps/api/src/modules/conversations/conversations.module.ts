import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { LawfulListeningModule } from '../lawful-listening/lawful-listening.module';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';

@Module({
  imports: [LawfulListeningModule],
  controllers: [ConversationsController],
  providers: [ConversationsService, DepartmentAccess],
})
export class ConversationsModule {}
