import { Injectable } from '@nestjs/common';

/**
 * Whether an election period is active now. Placeholder until the propriety branch (which stores the
 * workspace's election periods) is merged: none is.
 */
@Injectable()
export class ElectionPeriods {
  active(): Promise<{ name: string } | null> {
    return Promise.resolve(null);
  }
}
