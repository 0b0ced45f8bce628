import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';

/**
 * What the alert pages need to know of the signed-in person: the departments they read, and where they may act
 * on alerts (those who act on conversations), hand them on (department admins), mute a rule or source (those who
 * edit rules) or read evaluation records.
 */
export const useAlertAccess = () => {
  const me = useSignedInUser();
  const may = (permission: string) => (department: string) =>
    me.workspaceAdmin ||
    me.departments.some((d) => d.key === department && d.permissions.some((p) => p === permission));
  return {
    me,
    readable: me.departments.filter((d) => d.permissions.includes('department.read')),
    departmentName: departmentNamer(me.departments),
    canAct: may('conversation.act'),
    canListMembers: may('member.manage'),
    canMute: may('rule.edit'),
    canReadEvaluation: may('evaluation.read'),
  };
};
