import { Injectable } from '@nestjs/common';
import type { EvaluationRecords, ThemesResponse } from '@parley/contracts';
import type { DepartmentRow } from '@parley/db';
import { METRICS_DEFINITIONS_VERSION, type Window } from '@parley/domain';

/**
 * Where the impact report gets the themes and evaluation records other modules own, in one place so the report's
 * service depends on this seam rather than on each module.
 */
@Injectable()
export class ImpactSources {
  async themes(department: DepartmentRow, window: Window): Promise<ThemesResponse> {
    // the lead wires ThemesService / the evaluation records service here at merge
    return {
      definitionsVersion: METRICS_DEFINITIONS_VERSION,
      department: department.key,
      window: { from: window.from.toISOString(), to: window.to.toISOString() },
      compare: null,
      onTopic: 0,
      method: '',
      themes: [],
    };
  }

  async records(department: DepartmentRow, _window: Window): Promise<EvaluationRecords> {
    // the lead wires ThemesService / the evaluation records service here at merge
    return { department: department.key, objectives: [], exercises: [], lessons: [], surveys: [], costs: [] };
  }
}
