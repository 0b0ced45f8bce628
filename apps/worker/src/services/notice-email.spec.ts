import type { EmailToSendRow } from '@parley/db';
import { describe, expect, it } from 'vitest';
import { noticeEmail } from './notice-email';

const row: EmailToSendRow = {
  id: '5',
  email: 'cal@example.gov.uk',
  name: 'Cal <Comms>',
  reason: 'assigned',
  text: 'Dana assigned “<script>alert(1)</script>\nBcc: x@evil.example” to you',
  conversationId: '12',
  ruleKey: null,
  departmentKey: 'dfe',
  departmentName: 'Department for Education',
  title: 'Loans',
  emailState: 'pending',
  aboutAlerts: false,
  alertId: null,
};

describe('a notification email', () => {
  const email = noticeEmail(row, 'https://parley.example.gov.uk');

  it('goes to the person, with a one-line subject even when a fetched title has line breaks', () => {
    expect(email.to).toBe('cal@example.gov.uk');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('links back to the conversation and to where the choice is changed', () => {
    expect(email.text).toContain('https://parley.example.gov.uk/conversations/12');
    expect(email.text).toContain('https://parley.example.gov.uk/account');
    expect(email.html).toContain('href="https://parley.example.gov.uk/conversations/12"');
  });

  it('escapes everything it did not write itself in the HTML', () => {
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Cal &#60;Comms&#62;');
  });

  it('links a notice about a rule that follows a person to the rule', () => {
    const rule = noticeEmail(
      { ...row, reason: 'rule-names-person', conversationId: null, ruleKey: 'one-person' },
      'https://parley.example.gov.uk',
    );
    expect(rule.text).toContain('Open the rule: https://parley.example.gov.uk/rules/dfe/one-person');
  });

  it('links a follow-up notice to the department’s evaluation records', () => {
    const followUp = noticeEmail(
      { ...row, reason: 'follow-up-due', conversationId: null },
      'https://parley.example.gov.uk',
    );
    expect(followUp.text).toContain(
      'Open the evaluation records: https://parley.example.gov.uk/evaluation-records/dfe',
    );
  });

  it('links an alert to itself, a digest to the department’s alerts, and says which preference sends it', () => {
    const about = { ...row, reason: 'alert-raised' as const, conversationId: null, aboutAlerts: true };
    const one = noticeEmail({ ...about, alertId: 'a1' }, 'https://parley.example.gov.uk');
    expect(one.text).toContain('Open the alert: https://parley.example.gov.uk/alerts/a1');
    expect(one.text).toContain('your alert preferences send alerts in Department for Education by email');
    const digest = noticeEmail({ ...about, alertId: null }, 'https://parley.example.gov.uk');
    expect(digest.text).toContain('Open the alerts: https://parley.example.gov.uk/alerts?department=dfe');
  });
});
