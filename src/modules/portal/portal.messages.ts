// What residents are told by email (and SMS) about their case: the receipt, then acceptance, transfer, extension and
// the answer. Each message is queued in the transaction of the event it announces (see platform/outbox.ts).
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../platform/http.ts';
import { enqueue } from '../../platform/outbox.ts';
import { masterKey } from '../../platform/secrets.ts';
import { unwrapKey, wrapKey } from '../../platform/seal.ts';
import { onCaseEvent, type CaseRow } from '../cases/index.ts';
import { getUnit } from '../units/index.ts';
import { portalSubmission } from './portal.tables.ts';

export interface Contact { email?: string; phone?: string }

const label = (caseId: string) => `contact:${caseId}`;

export function sealContact(ctx: AppContext, caseId: string, c: Contact): string | null {
  if (!c.email && !c.phone) return null;
  return wrapKey(masterKey(ctx.config), Buffer.from(JSON.stringify(c)), label(caseId));
}

export function openContact(ctx: AppContext, caseId: string, sealed: string | null): Contact {
  return sealed ? JSON.parse(unwrapKey(masterKey(ctx.config), sealed, label(caseId)).toString('utf8')) as Contact : {};
}

const vnDay = (d: string) => d.split('-').reverse().join('/');
const trackLink = (ctx: AppContext, code: string) => `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/theo-doi?ma=${encodeURIComponent(code)}`;

const FOOTER = [
  '',
  'Mã bí mật không được gửi lại qua thư này; hãy giữ biên nhận bạn đã tải về.',
  'Thư này được gửi tự động từ Cầu Nối, vui lòng không trả lời thư.',
].join('\n');

async function queue(ctx: AppContext, tx: Executor, caseId: string, contact: Contact, subject: string, lines: string[], sms: string): Promise<boolean> {
  let queued = false;
  if (contact.email) {
    await enqueue(ctx, tx, { channel: 'email', to: contact.email, subject, body: `${lines.join('\n')}\n${FOOTER}\n`, ref: caseId });
    queued = true;
  }
  if (contact.phone) await enqueue(ctx, tx, { channel: 'sms', to: contact.phone, subject: 'Cầu Nối', body: sms, ref: caseId });
  return queued;
}

/** The receipt: the tracking code and the secret (the one message that carries the secret). */
export async function queueReceipt(
  ctx: AppContext, tx: Executor, c: CaseRow, contact: Contact, r: { trackingCode: string; secret: string; receivingUnit: string; dueOn: string | null },
): Promise<boolean> {
  if (!contact.email && !contact.phone) return false;
  const lines = [
    'Kính gửi ông/bà,',
    '',
    `${r.receivingUnit} đã nhận đơn "${c.title}" của ông/bà ngày ${vnDay(c.receivedOn)} (số ${c.number}).`,
    '',
    `Mã tra cứu: ${r.trackingCode}`,
    `Mã bí mật: ${r.secret}`,
    '',
    r.dueOn ? `Đơn sẽ được xem xét, phân loại trước ngày ${vnDay(r.dueOn)}.` : '',
    `Theo dõi đơn tại: ${trackLink(ctx, r.trackingCode)}`,
    '',
    'Hãy giữ mã tra cứu và mã bí mật: chỉ người có cả hai mã mới xem được tiến độ giải quyết.',
  ].filter((l, i, all) => l !== '' || all[i - 1] !== '');
  const subject = `[Cầu Nối] Đã nhận đơn của ông/bà — mã tra cứu ${r.trackingCode}`;
  const body = [...lines, '', 'Mã bí mật chỉ có trong thư này và trong biên nhận.', 'Thư này được gửi tự động từ Cầu Nối, vui lòng không trả lời thư.', ''].join('\n');
  let queued = false;
  if (contact.email) {
    await enqueue(ctx, tx, { channel: 'email', to: contact.email, subject, body, ref: c.id });
    queued = true;
  }
  if (contact.phone) {
    await enqueue(ctx, tx, { channel: 'sms', to: contact.phone, subject: 'Cầu Nối', body: `Da nhan don so ${c.number}. Ma tra cuu ${r.trackingCode}, ma bi mat ${r.secret}. Theo doi: ${trackLink(ctx, r.trackingCode)}`, ref: c.id });
  }
  return queued;
}

async function unitName(ctx: AppContext, code: string) {
  return (await getUnit(ctx, code))?.unit.name ?? code;
}

/** Acceptance, transfer, extension and answer of a case sent from the portal: a message to the resident. */
onCaseEvent(async (ctx, tx, c, e) => {
  if (!['accepted', 'transferred', 'extended', 'answered'].includes(e.type)) return;
  const [sub] = await tx.select({ code: portalSubmission.trackingCode, sealed: portalSubmission.contactSealed })
    .from(portalSubmission).where(eq(portalSubmission.caseId, c.id));
  if (!sub?.sealed) return;
  const contact = openContact(ctx, c.id, sub.sealed);
  const d = e.data as Record<string, string | number | null | undefined>;
  const link = `Xem chi tiết: ${trackLink(ctx, sub.code)}`;
  const head = ['Kính gửi ông/bà,', ''];
  const about = `đơn "${c.title}" (mã tra cứu ${sub.code})`;
  switch (e.type) {
    case 'accepted':
      await queue(ctx, tx, c.id, contact, `[Cầu Nối] Đơn ${sub.code} đã được thụ lý`, [
        ...head, `${await unitName(ctx, c.responsibleUnitCode)} đã thụ lý ${about}.`,
        c.dueOn ? `Hạn giải quyết: ${vnDay(c.dueOn)}.` : '', '', link,
      ], `Don ${sub.code} da duoc thu ly${c.dueOn ? `, han giai quyet ${vnDay(c.dueOn)}` : ''}.`);
      return;
    case 'transferred': {
      const to = d.toUnitCode ? await unitName(ctx, String(d.toUnitCode)) : String(d.toAgency ?? '');
      await queue(ctx, tx, c.id, contact, `[Cầu Nối] Đơn ${sub.code} đã được chuyển đến ${to}`, [
        ...head, `${about[0].toUpperCase()}${about.slice(1)} đã được chuyển đến ${to} để giải quyết theo thẩm quyền.`,
        e.reason ? `Lý do: ${e.reason}` : '', '', link,
      ], `Don ${sub.code} da duoc chuyen den co quan co tham quyen.`);
      return;
    }
    case 'extended':
      await queue(ctx, tx, c.id, contact, `[Cầu Nối] Đơn ${sub.code} được gia hạn giải quyết`, [
        ...head, `Thời hạn giải quyết ${about} được gia hạn thêm ${d.days} ngày (quyết định số ${d.decisionNumber}).`,
        c.dueOn ? `Hạn mới: ${vnDay(c.dueOn)}.` : '', e.reason ? `Lý do: ${e.reason}` : '', '', link,
      ], `Don ${sub.code} duoc gia han giai quyet${c.dueOn ? ` den ${vnDay(c.dueOn)}` : ''}.`);
      return;
    case 'answered':
      await queue(ctx, tx, c.id, contact, `[Cầu Nối] Đơn ${sub.code} đã có trả lời`, [
        ...head, `${await unitName(ctx, c.responsibleUnitCode)} đã trả lời ${about}:`, '', c.answer ?? '', '',
        'Ông/bà có thể đánh giá mức độ hài lòng với việc giải quyết tại trang theo dõi đơn.', link,
      ], `Don ${sub.code} da co tra loi. Xem tai ${trackLink(ctx, sub.code)}`);
      return;
  }
});
