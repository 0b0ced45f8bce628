import { secretSettingsOf, type ExpectedEventDocument, type WorkspaceDocument } from '@parley/contracts';
import type { Platform, SourceType } from '@parley/domain';
import { visibleAccount, visibleConfig, type WorkspaceState } from './workspace-state';

/**
 * The workspace as a document: every field written out (nulls too, since an absent field means "leave it"), so
 * editing the export says exactly what it means and applying it unedited changes nothing.
 */
export const documentOf = (state: WorkspaceState): WorkspaceDocument => ({
  departments: state.departments.map((d) => ({
    key: d.key,
    name: d.name,
    aliases: d.aliases,
    threshold: d.threshold,
    sla: d.sla,
    accounts: d.accounts.map((a) => {
      const { platform, handle, site, ...secret } = visibleAccount(a);
      return { platform: platform as Platform, handle, ...(site === null ? {} : { site }), ...secret };
    }),
    resources: d.resources,
    calendar: d.calendar.map((e) => ({ ...e, kind: e.kind as ExpectedEventDocument['kind'] })),
    partners: d.partners,
    alerts: d.alerts,
    rules: d.rules
      .filter((r) => !r.deletedAt)
      .map((r) => ({
        key: r.key,
        name: r.name,
        query: r.query,
        purpose: r.purpose,
        lawfulBasis: r.lawfulBasis,
        justification: r.justification,
        enabled: r.enabled,
      })),
  })),
  sources: state.sources.map((s) => {
    const config = visibleConfig(secretSettingsOf(s.type), s);
    return {
      key: s.key,
      name: s.name,
      type: s.type as SourceType,
      url: s.url,
      interval: s.interval,
      enabled: s.enabled,
      department: s.department,
      retention: s.retention,
      ...(Object.keys(config).length ? { config } : {}),
    };
  }),
  electionPeriods: state.electionPeriods.map(({ name, from, to }) => ({ name, from, to })),
  peers: state.peers.map(({ name, aliases, handles }) => ({ name, aliases, handles })),
  retention: state.retention,
  lawfulListening: state.lawfulListening,
});
