/** The api paths of one member, and of their whole account. */
export const memberPath = (department: string, userId: string) =>
  `/api/departments/${encodeURIComponent(department)}/members/${encodeURIComponent(userId)}`;

export const userPath = (userId: string, action: string) =>
  `/api/users/${encodeURIComponent(userId)}/${action}`;
