import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, type MembershipRow, UserRepository, type UserRow } from '@parley/db';
import { DomainError, accountAccess } from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { parseId } from '../../common/parse-id';

export type AccountHolder = UserRow & { memberships: MembershipRow[] };

const NOT_FOUND = 'No user with that id that you manage.';

/**
 * The user half of the access policy, for actions on a whole account (disable, reset a password, unlock):
 * 404 when the caller cannot see the person, 403 when they can but may not act on the account.
 */
@Injectable()
export class AccountHolders {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly users: UserRepository,
  ) {}

  async find(rawId: string): Promise<AccountHolder> {
    const user = await this.users.findById(this.dataSource, parseId(rawId, NOT_FOUND));
    if (!user) throw new DomainError('not_found', NOT_FOUND);
    return { ...user, memberships: await this.users.membershipsOf(this.dataSource, user.id) };
  }

  async resolve(auth: AuthContext, rawId: string): Promise<AccountHolder> {
    const holder = await this.find(rawId);
    const access = accountAccess(auth, {
      workspaceAdmin: holder.workspaceAdmin,
      departmentIds: holder.memberships.map((m) => m.departmentId),
    });
    if (access === 'unseen') throw new DomainError('not_found', NOT_FOUND);
    if (access === 'workspace-admin') {
      throw new DomainError(
        'forbidden',
        `${holder.name} is a workspace administrator: only another workspace administrator can change their account.`,
      );
    }
    if (access === 'other-departments') {
      throw new DomainError(
        'forbidden',
        `${holder.name} is also a member of departments you do not administer: ask a workspace administrator.`,
      );
    }
    return holder;
  }
}
