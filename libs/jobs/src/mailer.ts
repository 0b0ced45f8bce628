import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { createTransport, type Transporter } from 'nodemailer';

export type Email = { to: string; subject: string; text: string; html: string };

/** SMTP through PARLEY_SMTP_URL; without it this Parley sends no email, and says so at start-up. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.transport = config.smtp
      ? createTransport(
          {
            url: config.smtp.url,
            // A mail server that stops answering fails the job, which is retried, instead of holding it for minutes.
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 20_000,
          },
          { from: config.smtp.from },
        )
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(email: Email): Promise<void> {
    if (!this.transport) return;
    await this.transport.sendMail(email);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
