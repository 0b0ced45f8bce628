import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  addMemberRequestSchema,
  changeRoleRequestSchema,
  memberAddedSchema,
  memberSchema,
  type Member,
  type MemberAdded,
} from '@parley/contracts';
import { z } from 'zod';
import { Endpoint } from '../../common/openapi';
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
  @Endpoint({
    summary: "A department's members",
    description: 'With their role, last sign-in, and whether they are disabled or locked.',
    params: { department: 'The department key.' },
    ok: { description: 'The members.', schema: z.array(memberSchema) },
    errors: [404],
  })
  list(@CurrentUser() auth: AuthContext, @Param('department') department: string): Promise<Member[]> {
    return this.members.list(auth, department);
  }

  @Authorize('member.manage')
  @Post()
  @Endpoint({
    summary: 'Add someone to a department',
    description: 'By email; someone without an account gets one, with a generated password shown this once.',
    params: { department: 'The department key.' },
    body: addMemberRequestSchema,
    ok: { status: 201, description: 'Added.', schema: memberAddedSchema },
    errors: [400, 404, 409],
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
  @Endpoint({
    summary: "Change a member's role",
    params: { department: 'The department key.', userId: "The member's user id." },
    body: changeRoleRequestSchema,
    ok: { description: 'The member as they are now.', schema: memberSchema },
    errors: [400, 404],
  })
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
  @Endpoint({
    summary: 'Remove someone from a department',
    params: { department: 'The department key.', userId: "The member's user id." },
    ok: { status: 204, description: 'Removed from the department; their account stays.' },
    errors: [404, 409],
  })
  remove(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    return this.members.remove(auth, department, userId);
  }
}
