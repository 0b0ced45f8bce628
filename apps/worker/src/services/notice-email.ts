import type { EmailToSendRow } from '@parley/db';
import { NOTICE_LABELS, escapeHtml } from '@parley/domain';
import type { Email } from '@parley/jobs';

/**
 * A notification as an email: the line as the subject, a link back to the conversation, and why the person gets
 * it with where to stop it. Plain text first; the HTML says the same with nothing but escaped text and two links.
 */
export const noticeEmail = (row: EmailToSendRow, publicUrl: string): Email => {
  // A follow-up's notice is about an exercise: its link is the department's evaluation records; a rule's, the rule.
  const link = row.conversationId
    ? `${publicUrl}/conversations/${encodeURIComponent(row.conversationId)}`
    : row.ruleKey
      ? `${publicUrl}/rules/${encodeURIComponent(row.departmentKey)}/${encodeURIComponent(row.ruleKey)}`
      : `${publicUrl}/evaluation-records/${encodeURIComponent(row.departmentKey)}`;
  const open = row.conversationId
    ? 'Open the conversation'
    : row.ruleKey
      ? 'Open the rule'
      : 'Open the evaluation records';
  const settings = `${publicUrl}/account`;
  const why = `You get this email because you asked Parley to email you when ${NOTICE_LABELS[row.reason]}.`;
  const text = [
    `Hello ${row.name},`,
    '',
    `${row.text}.`,
    '',
    `${open}: ${link}`,
    '',
    `${why} Change that on your account page: ${settings}`,
    '',
    `Parley, for ${row.departmentName}`,
  ].join('\n');
  const html = `<!doctype html><html lang="en"><body style="font-family: Arial, sans-serif; font-size: 16px">
<p>Hello ${escapeHtml(row.name)},</p>
<p>${escapeHtml(row.text)}.</p>
<p><a href="${escapeHtml(link)}">${open} in Parley</a></p>
<p style="color: #505a5f">${escapeHtml(why)} <a href="${escapeHtml(settings)}">Change that on your account page</a>.</p>
<p style="color: #505a5f">Parley, for ${escapeHtml(row.departmentName)}</p>
</body></html>`;
  // A title fetched from the web could hold line breaks; a subject is one line.
  return { to: row.email, subject: row.text.replace(/\s+/g, ' ').slice(0, 200), text, html };
};
