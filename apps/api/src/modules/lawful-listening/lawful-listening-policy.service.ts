import { Injectable } from '@nestjs/common';
import { LawfulListeningRepository, type Queryable } from '@parley/db';
import {
  lawfulListeningSettingsOf,
  type LawfulListeningSettings,
  type OrganisationDirectory,
} from '@parley/domain';

/** The workspace's lawful-listening settings and the organisations it knows, as the rules and views read them. */
@Injectable()
export class LawfulListeningPolicy {
  constructor(private readonly lawful: LawfulListeningRepository) {}

  async settings(q: Queryable): Promise<LawfulListeningSettings> {
    return lawfulListeningSettingsOf(await this.lawful.settings(q));
  }

  async directory(q: Queryable, settings: LawfulListeningSettings): Promise<OrganisationDirectory> {
    const known = await this.lawful.organisations(q);
    return { names: known.names, handles: [...known.handles, ...settings.organisationAccounts] };
  }
}
