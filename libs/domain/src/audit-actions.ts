/**
 * What each audited action means, in the words the audit page, its CSV and the FOI bundle show people. An action
 * missing here (a module added one and not this table) still reads sensibly: "opportunity.reopen" becomes
 * "Opportunity: reopen".
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Signed in',
  'auth.logout': 'Signed out',
  'auth.lockout': 'Sign-in locked after repeated failures',
  'auth.sign-out-everywhere': 'Signed out everywhere',
  'api-token.create': 'Created an API token',
  'api-token.revoke': 'Revoked an API token',
  'user.create': 'Added a person',
  'user.disable': 'Disabled an account',
  'user.enable': 'Enabled an account',
  'user.password-change': 'Changed their password',
  'user.password-reset': 'Reset a password',
  'user.unlock': 'Unlocked sign-in',
  'user.sign-out-everywhere': 'Signed a person out everywhere',
  'user.workspace-admin': 'Changed workspace administrator rights',
  'membership.create': 'Gave a person a role in a department',
  'membership.update': 'Changed a person’s role',
  'membership.delete': 'Removed a person from a department',
  'department.create': 'Added a department',
  'department.update': 'Changed a department',
  'department.delete': 'Removed a department',
  'source.create': 'Added a source',
  'source.update': 'Changed a source',
  'source.delete': 'Removed a source',
  'rule.create': 'Added a listening rule',
  'rule.update': 'Changed a listening rule',
  'rule.delete': 'Removed a listening rule',
  'rule.names-person': 'Saved a listening rule that follows a named member of the public (admins told)',
  'setting.update': 'Changed the workspace’s lawful-listening settings',
  'conversation.author-views':
    'Opened posts by a member of the public they had opened often lately (directed-surveillance warning)',
  'author-view.reason': 'Gave a reason for going on reading one member of the public’s posts',
  'report.author-views-export': 'Downloaded the report on repeated viewing of members of the public',
  'opportunity.retire': 'Retired conversations no rule supports any more',
  'opportunity.assign': 'Assigned a conversation',
  'opportunity.unassign': 'Unassigned a conversation',
  'opportunity.draft': 'Started drafting a reply',
  'opportunity.submit': 'Submitted a draft for clearance',
  'opportunity.approve': 'Cleared a draft reply',
  'opportunity.request-changes': 'Asked for changes to a draft',
  'opportunity.respond': 'Responded in the conversation',
  'opportunity.decline': 'Declined a conversation',
  'opportunity.refer': 'Referred a conversation',
  'opportunity.referred-in': 'Received a referred conversation',
  'opportunity.referral-outcome': 'Recorded what came of a referral',
  'opportunity.reopen': 'Reopened a conversation',
  'opportunity.revive': 'Brought back a retired conversation',
  'opportunity.note': 'Added a note',
  'opportunity.draft-saved': 'Saved a draft reply',
  'opportunity.draft-submitted': 'Submitted a draft for clearance',
  'opportunity.draft-override': 'Set aside a propriety warning, saying why',
  'opportunity.review': 'Reviewed a draft',
  'conversation.bundle': 'Downloaded an FOI case bundle',
  'audit.export': 'Exported the audit log',
  'objective.create': 'Added an evaluation objective',
  'objective.update': 'Changed an evaluation objective',
  'objective.delete': 'Removed an evaluation objective',
  'exercise.create': 'Added an engagement exercise',
  'exercise.update': 'Changed an engagement exercise',
  'exercise.delete': 'Removed an engagement exercise',
  'exercise.close': 'Closed an engagement exercise',
  'exercise.you-said-we-did': 'Recorded a “you said, we did” update',
  'influence.create': 'Recorded policy influence',
  'influence.update': 'Changed a policy-influence entry',
  'influence.delete': 'Removed a policy-influence entry',
  'lesson.create': 'Recorded what did not work',
  'lesson.update': 'Changed a lesson',
  'lesson.delete': 'Removed a lesson',
  'survey.create': 'Recorded a surveyed outcome',
  'survey.update': 'Changed a surveyed outcome',
  'survey.delete': 'Removed a surveyed outcome',
  'input-cost.create': 'Recorded an input cost',
  'input-cost.update': 'Changed an input cost',
  'input-cost.delete': 'Removed an input cost',
  'report.export': 'Exported an impact report',
  'report.digest-subscription': 'Changed a weekly digest subscription',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const auditActionLabel = (action: string): string => {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const [entity, ...rest] = action.split('.');
  const words = (s: string) => s.replace(/[-_]/g, ' ');
  return rest.length ? `${capitalise(words(entity))}: ${words(rest.join(' '))}` : capitalise(words(entity));
};
