import type { DeliveryToSendRow } from '@parley/db';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhookBody, webhookHeaders } from './webhook-payload';

const row: DeliveryToSendRow = {
  id: '17',
  webhookId: 'w1',
  departmentKey: 'dfe',
  departmentName: 'Department for Education',
  sealed: 'sealed',
  enabled: true,
  state: 'pending',
  eventId: '42',
  followUpId: null,
  eventKind: 'sla-overdue',
  at: new Date('2026-12-01T10:00:00Z'),
  reason: 'sla-overdue',
  text: 'The first response to “Loans” is overdue (Department for Education)',
  opportunityId: 'o1',
  conversationId: '9',
  title: 'Loans',
  actorName: null,
  alertIds: [],
};
const now = new Date('2026-12-01T10:05:00Z');

describe('a webhook delivery', () => {
  it('has the text Slack and Teams show, with the link, and the event for a receiver of its own', () => {
    const body = JSON.parse(webhookBody(row, 'https://parley.example.gov.uk', now)) as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({
      text: `${row.text}: https://parley.example.gov.uk/conversations/9`,
      summary: row.text,
      timestamp: 1_796_119_500,
      event: { id: '42', kind: 'sla-overdue', reason: 'sla-overdue', department: 'dfe', conversationId: '9' },
    });
  });

  it('links a follow-up come due to the department’s evaluation records', () => {
    const followUp: DeliveryToSendRow = {
      ...row,
      eventId: null,
      followUpId: 'f1',
      eventKind: 'follow-up-due',
      reason: 'follow-up-due',
      text: 'The 3-month follow-up of “Loans review” is due: record what it changed in policy (Department for Education)',
      opportunityId: null,
      conversationId: null,
      title: 'Loans review',
    };
    const body = JSON.parse(webhookBody(followUp, 'https://parley.example.gov.uk', now)) as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({
      text: `${followUp.text}: https://parley.example.gov.uk/evaluation-records/dfe`,
      event: {
        id: null,
        followUpId: 'f1',
        kind: 'follow-up-due',
        conversationId: null,
        title: 'Loans review',
      },
    });
  });

  it('links one alert to itself and a digest to the department’s alerts, naming the alerts', () => {
    const alert: DeliveryToSendRow = {
      ...row,
      eventId: null,
      eventKind: 'alert.raised',
      reason: 'alert-raised',
      text: 'Mentions of Loans are 4 times the usual rate (Department for Education)',
      opportunityId: null,
      conversationId: null,
      title: null,
      alertIds: ['a1'],
    };
    const one = JSON.parse(webhookBody(alert, 'https://parley.example.gov.uk', now)) as Record<
      string,
      unknown
    >;
    expect(one).toMatchObject({
      text: `${alert.text}: https://parley.example.gov.uk/alerts/a1`,
      event: { kind: 'alert.raised', reason: 'alert-raised', alertIds: ['a1'] },
    });
    const digest = JSON.parse(
      webhookBody({ ...alert, alertIds: ['a1', 'a2'] }, 'https://parley.example.gov.uk', now),
    ) as { text: string };
    expect(digest.text).toBe(`${alert.text}: https://parley.example.gov.uk/alerts?department=dfe`);
  });

  it('is signed over the raw body, the timestamp inside it and in its header', () => {
    const body = webhookBody(row, 'https://parley.example.gov.uk', now);
    const headers = webhookHeaders(row, body, 'secret-of-sixteen+', now);
    expect(headers['x-parley-signature']).toBe(
      `sha256=${createHmac('sha256', 'secret-of-sixteen+').update(body).digest('hex')}`,
    );
    expect(headers['x-parley-timestamp']).toBe(String((JSON.parse(body) as { timestamp: number }).timestamp));
    expect(headers['x-parley-delivery']).toBe('17');
  });

  it('is not signed without a secret', () => {
    expect(webhookHeaders(row, '{}', null, now)).not.toHaveProperty('x-parley-signature');
  });
});
