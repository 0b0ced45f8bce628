import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { createUserRequestSchema, userSchema, type User } from '@parley/contracts';
import { schemaOf } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, actorOf, type AuthContext } from '../auth/auth-context';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Authorize('workspace-admin')
  @Post()
  @ApiBody({ schema: schemaOf(createUserRequestSchema) })
  @ApiCreatedResponse({ schema: schemaOf(userSchema) })
  create(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<User> {
    return this.users.create(actorOf(auth), parseWith(createUserRequestSchema, body, 'new user'));
  }
}
