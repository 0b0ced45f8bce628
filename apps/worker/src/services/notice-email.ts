import type { EmailToSendRow } from '@parley/db';
import { NOTICE_LABELS, escapeHtml } from '@parley/domain';
import type { Email } from '@parley/jobs';

/** A follow-up's notice is about an exercise (its link is the evaluation records); an alert's, about alerts. */
const linkOf = (row: EmailToSendRow, publicUrl: string): { link: string; open: string } => {
  if (row.conversationId)
    return {
      link: `${publicUrl}/conversations/${encodeURIComponent(row.conversationId)}`,
      open: 'Open the conversation',
    };
  if (row.aboutAlerts)
    return row.alertId
      ? { link: `${publicUrl}/alerts/${encodeURIComponent(row.alertId)}`, open: 'Open the alert' }
      : {
          link: `${publicUrl}/alerts?department=${encodeURIComponent(row.departmentKey)}`,
          open: 'Open the alerts',
        };
  if (row.ruleKey)
    return {
      link: `${publicUrl}/rules/${encodeURIComponent(row.departmentKey)}/${encodeURIComponent(row.ruleKey)}`,
      open: 'Open the rule',
    };
  // A follow-up's notice is about an exercise: its link is the department's evaluation records.
  return {
    link: `${publicUrl}/evaluation-records/${encodeURIComponent(row.departmentKey)}`,
    open: 'Open the evaluation records',
  };
};

/**
 * A notification as an email: the line as the subject, a link back to the conversation, and why the person gets
 * it with where to stop it. Plain text first; the HTML says the same with nothing but escaped text and two links.
 */
export const noticeEmail = (row: EmailToSendRow, publicUrl: string): Email => {
  const { link, open } = linkOf(row, publicUrl);
  const settings = `${publicUrl}/account`;
  // Alerts are emailed unless a person turns it off (their alert preferences); the rest only when chosen.
  const why = row.aboutAlerts
    ? `You get this email because your alert preferences send alerts in ${row.departmentName} by email.`
    : `You get this email because you asked Parley to email you when ${NOTICE_LABELS[row.reason]}.`;
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
