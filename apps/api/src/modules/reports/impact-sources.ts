import { Injectable } from '@nestjs/common';
import type { EvaluationRecords, ImpactReportQuery, ThemesResponse } from '@parley/contracts';
import type { DepartmentRow } from '@parley/db';
import type { AuthContext } from '../auth/auth-context';
import { EvaluationService } from '../evaluation/evaluation.service';
import { ThemesService } from '../themes/themes.service';

type Period = Pick<ImpactReportQuery, 'from' | 'to'>;

/**
 * Where the impact report gets the themes and evaluation records other modules own, in one place so the report's
 * service depends on this seam rather than on each module. Each reading checks the caller's access itself.
 */
@Injectable()
export class ImpactSources {
  constructor(
    private readonly themesService: ThemesService,
    private readonly evaluation: EvaluationService,
  ) {}

  themes(auth: AuthContext, department: DepartmentRow, period: Period): Promise<ThemesResponse> {
    return this.themesService.read(auth, { department: department.key, ...period, compare: 'previous' });
  }

  records(auth: AuthContext, department: DepartmentRow, period: Period): Promise<EvaluationRecords> {
    return this.evaluation.read(auth, { department: department.key, ...period });
  }
}
