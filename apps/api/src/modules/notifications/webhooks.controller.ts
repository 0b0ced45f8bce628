import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createWebhookRequestSchema,
  updateWebhookRequestSchema,
  webhookDeliverySchema,
  webhookSchema,
  type Webhook,
  type WebhookDelivery,
} from '@parley/contracts';
import { z } from 'zod';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { WebhooksService } from './webhooks.service';

const SIGNING =
  'Each delivery POSTs JSON with `text` (what Slack and Teams show) and `event`; with a signing secret it carries ' +
  '`X-Parley-Signature: sha256=<hex HMAC-SHA256 of the raw body>` and `X-Parley-Timestamp` (also in the body).';

/** A department's webhooks, for its administrators and workspace administrators. */
@ApiTags('notifications')
@Controller('departments/:department/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Authorize('member.manage')
  @Get()
  @Endpoint({
    summary: "A department's webhooks",
    description: 'Never their URLs or secrets, which are stored encrypted; only where they post.',
    params: { department: 'The department key.' },
    ok: { description: 'The webhooks.', schema: z.array(webhookSchema) },
    errors: [404],
  })
  list(@CurrentUser() auth: AuthContext, @Param('department') department: string): Promise<Webhook[]> {
    return this.webhooks.list(auth, department);
  }

  @Authorize('member.manage')
  @Post()
  @Endpoint({
    summary: 'Add a webhook',
    description: `Posts the chosen kinds of event to a Slack or Teams channel, or a receiver of your own. ${SIGNING}`,
    params: { department: 'The department key.' },
    body: createWebhookRequestSchema,
    ok: { status: 201, description: 'Added.', schema: webhookSchema },
    errors: [400, 404],
  })
  create(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Body() body: unknown,
  ): Promise<Webhook> {
    return this.webhooks.create(auth, department, parseWith(createWebhookRequestSchema, body, 'webhook'));
  }

  @Authorize('member.manage')
  @Put(':id')
  @Endpoint({
    summary: 'Change a webhook',
    description: 'The URL and secret are kept unless sent; `secret: null` stops signing.',
    params: { department: 'The department key.', id: 'The webhook id.' },
    body: updateWebhookRequestSchema,
    ok: { description: 'The webhook as it is now.', schema: webhookSchema },
    errors: [400, 404],
  })
  update(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Webhook> {
    return this.webhooks.update(auth, department, id, parseWith(updateWebhookRequestSchema, body, 'webhook'));
  }

  @Authorize('member.manage')
  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Remove a webhook',
    params: { department: 'The department key.', id: 'The webhook id.' },
    ok: { status: 204, description: 'Removed, with its delivery log.' },
    errors: [404],
  })
  remove(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Param('id') id: string,
  ): Promise<void> {
    return this.webhooks.remove(auth, department, id);
  }

  @Authorize('member.manage')
  @Get(':id/deliveries')
  @Endpoint({
    summary: "A webhook's delivery log",
    description: 'The latest 100 deliveries, newest first: state, attempts, the last status and error.',
    params: { department: 'The department key.', id: 'The webhook id.' },
    ok: { description: 'The deliveries.', schema: z.array(webhookDeliverySchema) },
    errors: [404],
  })
  deliveries(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Param('id') id: string,
  ): Promise<WebhookDelivery[]> {
    return this.webhooks.deliveries(auth, department, id);
  }
}
