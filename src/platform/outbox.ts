// Messages to residents (email, SMS, Zalo): written in the transaction of what they announce, delivered afterwards
// by a worker with retries and back-off, so an acknowledged message is never lost and a slow mail server never
// holds a request. Recipients are encrypted with the master key. Transports are adapters (docs/messaging.md).
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Executor } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { AppContext } from './http.ts';
import { newId } from './ids.ts';
import { masterKey } from './secrets.ts';
import { unwrapKey, wrapKey } from './seal.ts';

export type MessageChannel = 'email' | 'sms' | 'zalo';
export interface OutgoingMessage { to: string; subject: string; body: string }

/** What a provider adapter implements: deliver one message or throw (the worker retries later). */
export interface Transport { name: string; send(message: OutgoingMessage): Promise<void> }

const label = (id: string) => `outbox:${id}`;

export async function enqueue(ctx: AppContext, tx: Executor, m: OutgoingMessage & { channel: MessageChannel; ref?: string }): Promise<string> {
  const id = newId();
  const sealed = wrapKey(masterKey(ctx.config), Buffer.from(m.to, 'utf8'), label(id));
  await tx.execute(sql`
    insert into message_outbox (id, channel, recipient_sealed, subject, body, ref)
    values (${id}, ${m.channel}, ${sealed}, ${m.subject}, ${m.body}, ${m.ref ?? null})`);
  return id;
}

/** Email over SMTP when SMTP_URL is set; otherwise each message is written as an .eml file in DATA_DIR/mail. */
export function emailTransport(config: Config): Transport {
  const from = config.MAIL_FROM;
  if (config.SMTP_URL) {
    const transporter = nodemailer.createTransport(config.SMTP_URL);
    return { name: 'smtp', send: async (m) => { await transporter.sendMail({ from, to: m.to, subject: m.subject, text: m.body }); } };
  }
  const dir = join(config.DATA_DIR, 'mail');
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    name: 'file',
    send: async (m) => {
      const info = await writer.sendMail({ from, to: m.to, subject: m.subject, text: m.body });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${Date.now()}-${newId()}.eml`), info.message as Buffer);
    },
  };
}

/** The development transport for SMS and Zalo: one line per message in DATA_DIR/messages/<channel>.log. */
export function devTransport(config: Config, channel: 'sms' | 'zalo'): Transport {
  const dir = join(config.DATA_DIR, 'messages');
  return {
    name: `${channel}-dev`,
    send: async (m) => {
      mkdirSync(dir, { recursive: true });
      appendFileSync(join(dir, `${channel}.log`), `${JSON.stringify({ at: new Date().toISOString(), to: m.to, text: `${m.subject}: ${m.body}` })}\n`);
    },
  };
}

export function transportsFor(config: Config): Partial<Record<MessageChannel, Transport>> {
  return {
    email: emailTransport(config),
    ...(config.SMS_TRANSPORT === 'dev' ? { sms: devTransport(config, 'sms') } : {}),
    ...(config.ZALO_TRANSPORT === 'dev' ? { zalo: devTransport(config, 'zalo') } : {}),
  };
}

const MAX_ATTEMPTS = 8;
/** Minutes before the next try after the n-th failure: 1, 5, 15, 60, then every 3 hours. */
const backoff = (attempts: number) => [1, 5, 15, 60][attempts - 1] ?? 180;

interface Claimed { id: string; channel: MessageChannel; recipient_sealed: string; subject: string; body: string; attempts: number; created_at: string | Date }

/**
 * Sends what is due. Each message is claimed by one statement that pushes its next attempt ahead (a lease), so two
 * processes never send it twice at once and a crash mid-send only delays it; no transaction is held while sending.
 */
export async function deliverDue(ctx: AppContext, transports = transportsFor(ctx.config), limit = 20): Promise<{ sent: number; failed: number }> {
  const claimed = await ctx.database.rows<Claimed>(sql`
    update message_outbox set attempts = attempts + 1, next_attempt_at = now() + interval '5 minutes'
    where id in (
      select id from message_outbox where status = 'pending' and next_attempt_at <= now()
      order by created_at limit ${limit} for update skip locked)
    returning id, channel, recipient_sealed, subject, body, attempts, created_at`);
  // Oldest first, so a resident reads the news in the order it happened.
  claimed.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    const transport = transports[m.channel];
    try {
      if (!transport) throw new Error(`no transport for ${m.channel}`);
      const to = unwrapKey(masterKey(ctx.config), m.recipient_sealed, label(m.id)).toString('utf8');
      await transport.send({ to, subject: m.subject, body: m.body });
      await ctx.database.db.execute(sql`update message_outbox set status = 'sent', sent_at = now(), last_error = null where id = ${m.id}`);
      sent++;
    } catch (err) {
      failed++;
      const final = m.attempts >= MAX_ATTEMPTS;
      await ctx.database.db.execute(sql`
        update message_outbox set status = ${final ? 'failed' : 'pending'}, last_error = ${String((err as Error).message).slice(0, 500)},
          next_attempt_at = now() + make_interval(mins => ${backoff(m.attempts)})
        where id = ${m.id}`);
    }
  }
  return { sent, failed };
}
