import { DomainError } from '@parley/domain';

/** A rule query that cannot be used, with the 0-based offset in the query where the problem is. */
export class QueryError extends DomainError {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super('invalid', message, [{ path: 'query', message, position }]);
    this.name = 'QueryError';
  }
}
