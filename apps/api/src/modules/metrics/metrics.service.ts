import { Inject, Injectable } from '@nestjs/common';
import type {
  MetricsQuery,
  MetricsResponse,
  MetricValueDto,
  SeriesQuery,
  SeriesResponse,
} from '@parley/contracts';
import {
  DomainError,
  METRICS_DEFINITIONS_VERSION,
  change,
  comparisonWindow,
  isMetricId,
  isSmallSample,
  metricDefinition,
  parseWindow,
  type MetricId,
  type Window,
} from '@parley/domain';
import { DepartmentAccess } from '../../common/department-access.service';
import type { AuthContext } from '../auth/auth-context';
import {
  METRIC_CALCULATORS,
  type MetricCalculator,
  type MetricReading,
  type MetricScope,
} from './metric-calculator';

const windowDto = (window: Window) => ({ from: window.from.toISOString(), to: window.to.toISOString() });

/**
 * Reads every metric a department has for a window and its comparison: each calculator once per window, in
 * parallel, then the catalogue's unit and stage, the change and the small-sample flag attached in one place, so no
 * calculator can forget a convention.
 */
@Injectable()
export class MetricsService {
  constructor(
    @Inject(METRIC_CALCULATORS) private readonly calculators: readonly MetricCalculator[],
    private readonly access: DepartmentAccess,
  ) {}

  async read(auth: AuthContext, query: MetricsQuery): Promise<MetricsResponse> {
    const department = await this.access.resolve(auth, query.department);
    const window = parseWindow(query.from, query.to);
    const compare = comparisonWindow(window, query.compare);
    const scope = (w: Window): MetricScope => ({
      departmentId: department.id,
      departmentKey: department.key,
      window: w,
    });
    const [current, previous] = await Promise.all([
      this.readAll(scope(window)),
      compare ? this.readAll(scope(compare)) : Promise.resolve(new Map<MetricId, MetricReading>()),
    ]);
    const metrics: Record<string, MetricValueDto> = {};
    for (const [id, reading] of current) metrics[id] = this.value(id, reading, previous.get(id) ?? null);
    return {
      definitionsVersion: METRICS_DEFINITIONS_VERSION,
      department: department.key,
      window: windowDto(window),
      compare: compare ? windowDto(compare) : null,
      metrics,
    };
  }

  async series(auth: AuthContext, id: string, query: SeriesQuery): Promise<SeriesResponse> {
    const department = await this.access.resolve(auth, query.department);
    const calculator = isMetricId(id)
      ? this.calculators.find((c) => c.ids.includes(id) && c.series)
      : undefined;
    if (!isMetricId(id) || !calculator?.series) {
      throw new DomainError('not_found', `There is no chart over time for a metric called "${id}".`);
    }
    const window = parseWindow(query.from, query.to);
    const points = await calculator.series(
      id,
      { departmentId: department.id, departmentKey: department.key, window },
      query.bucket,
    );
    return {
      definitionsVersion: METRICS_DEFINITIONS_VERSION,
      metric: id,
      department: department.key,
      bucket: query.bucket,
      window: windowDto(window),
      unit: metricDefinition(id).unit,
      points: points.map(({ at, excluded: _excluded, detail: _detail, ...point }) => ({
        ...point,
        at: at.toISOString(),
      })),
    };
  }

  private async readAll(scope: MetricScope): Promise<Map<MetricId, MetricReading>> {
    const readings = await Promise.all(this.calculators.map((c) => c.read(scope)));
    const all = new Map<MetricId, MetricReading>();
    for (const reading of readings) {
      for (const [id, value] of Object.entries(reading) as [MetricId, MetricReading][]) all.set(id, value);
    }
    return all;
  }

  private value(id: MetricId, reading: MetricReading, previous: MetricReading | null): MetricValueDto {
    const definition = metricDefinition(id);
    return {
      value: reading.value,
      n: reading.n,
      numerator: reading.numerator,
      denominator: reading.denominator,
      previous: previous?.value ?? null,
      change: change(reading.value, previous?.value ?? null, definition.unit),
      unit: definition.unit,
      stage: definition.stages[0],
      smallSample: isSmallSample(reading.n),
      excluded: reading.excluded ?? 0,
      ...(reading.detail ? { detail: reading.detail } : {}),
    };
  }
}
