import { Injectable } from '@nestjs/common';
import type { ProprietyCheckRequest, ProprietyCheckResponse } from '@parley/contracts';
import { checkPropriety } from '@parley/domain';
import { DepartmentAccess } from '../../common/department-access.service';
import type { AuthContext } from '../auth/auth-context';
import { ElectionPeriodsService } from './election-periods.service';

/** The same checker the draft pane runs, for scripts: findings on a draft for a department the caller acts in. */
@Injectable()
export class ProprietyService {
  constructor(
    private readonly access: DepartmentAccess,
    private readonly electionPeriods: ElectionPeriodsService,
  ) {}

  async check(
    auth: AuthContext,
    { department, text }: ProprietyCheckRequest,
  ): Promise<ProprietyCheckResponse> {
    await this.access.resolve(auth, department, 'conversation.act');
    const electionPeriod = await this.electionPeriods.current();
    return { findings: checkPropriety(text, { electionPeriod }) };
  }
}
