import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  addMemberRequestSchema,
  changeRoleRequestSchema,
  memberAddedSchema,
  memberSchema,
  type Member,
  type MemberAdded,
} from '@parley/contracts';
import { z } from 'zod';
import { schemaOf } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { MembersService } from './members.service';

/** A department's members: for its administrators and workspace administrators (the service checks which). */
@ApiTags('users')
@Controller('departments/:department/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Authorize('member.manage')
  @Get()
  @ApiOkResponse({ schema: schemaOf(z.array(memberSchema)) })
  list(@CurrentUser() auth: AuthContext, @Param('department') department: string): Promise<Member[]> {
    return this.members.list(auth, department);
  }

  @Authorize('member.manage')
  @Post()
  @ApiBody({ schema: schemaOf(addMemberRequestSchema) })
  @ApiCreatedResponse({
    schema: schemaOf(memberAddedSchema),
    description: 'A new account’s generated password is shown this once.',
  })
  add(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Body() body: unknown,
  ): Promise<MemberAdded> {
    return this.members.add(auth, department, parseWith(addMemberRequestSchema, body, 'new member'));
  }

  @Authorize('member.manage')
  @Put(':userId')
  @ApiBody({ schema: schemaOf(changeRoleRequestSchema) })
  @ApiOkResponse({ schema: schemaOf(memberSchema) })
  changeRole(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Param('userId') userId: string,
    @Body() body: unknown,
  ): Promise<Member> {
    return this.members.changeRole(auth, department, userId, parseWith(changeRoleRequestSchema, body).role);
  }

  @Authorize('member.manage')
  @Delete(':userId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed from the department; their account stays.' })
  remove(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    return this.members.remove(auth, department, userId);
  }
}
