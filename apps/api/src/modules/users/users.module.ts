import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { AuthModule } from '../auth/auth.module';
import { AccountHolders } from './account-holders.service';
import { CredentialsService } from './credentials.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule],
  controllers: [UsersController, MembersController],
  providers: [UsersService, MembersService, CredentialsService, AccountHolders, DepartmentAccess],
  exports: [UsersService],
})
export class UsersModule {}
