import type { DataSource, EntityManager } from 'typeorm';

/** Anything that runs SQL: the data source itself or the manager of an open transaction. */
export type Queryable = Pick<EntityManager, 'query'> | Pick<DataSource, 'query'>;

export const inTransaction = <T>(
  dataSource: DataSource,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> => dataSource.transaction(work);

export const iso = (value: Date | string | null | undefined): string | null =>
  value == null ? null : new Date(value).toISOString();
