// The daily reminder: organisers of a conference planned within the next three days receive one email each, once.
import type { AppContext } from '../../platform/http.ts';
import type { JobDef } from '../../platform/jobs.ts';
import { enqueue } from '../../platform/outbox.ts';
import { organisationEmails } from '../accounts/index.ts';
import { unitNames } from '../units/index.ts';
import * as repo from './dialogue.repository.ts';
import type { ConferenceRow } from './dialogue.tables.ts';
import { FORM_NAMES, addDays, vnDate } from './dialogue.rules.ts';

export const REMINDER_DAYS = 3;

const SIDE_NAMES: Record<string, string> = { cap_uy: 'cấp ủy', chinh_quyen: 'chính quyền', mttq: 'Mặt trận Tổ quốc' };
const GROUP_NAMES: Record<string, string> = {
  mttq: 'Mặt trận Tổ quốc', doan_the: 'các đoàn thể', can_bo: 'cán bộ, đảng viên', tri_thuc: 'trí thức', nguoi_dan: 'cử tri, người dân', khac: 'thành phần khác',
};

export function reminderText(ctx: AppContext, c: ConferenceRow, unitName: string, residents: string | null): { subject: string; body: string } {
  const form = FORM_NAMES[c.form as keyof typeof FORM_NAMES];
  const when = `${c.startsAt ? `${c.startsAt} ` : ''}ngày ${vnDate(c.heldOn)}`;
  const chairs = c.chairs.map((x) => `${x.name} (${x.position}, ${SIDE_NAMES[x.side] ?? x.side})`).join('; ');
  const invited = c.invited.map((x) => `${GROUP_NAMES[x.group] ?? x.group}${x.note ? ` (${x.note})` : ''}`).join('; ');
  const lines = [
    `Kính gửi ${c.organiserName},`,
    '',
    `Hội nghị ${form} “${c.topic}” của ${unitName} sẽ diễn ra vào ${when}.`,
    `- Địa điểm: ${c.place}`,
    ...(chairs ? [`- Chủ trì: ${chairs}`] : []),
    ...(invited ? [`- Thành phần mời: ${invited}${residents ? `; cử tri, người dân ${residents}` : ''}`] : []),
    '',
    'Sau hội nghị, xin ghi kết quả (số người dự, các kiến nghị, nội dung đã trả lời và cơ quan giải quyết) tại:',
    `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/console/dialogue/${c.id}`,
    '',
    'Cầu Nối — thư tự động, xin không trả lời thư này.',
  ];
  return { subject: `Nhắc lịch hội nghị ${form} ${when}: ${c.topic}`, body: lines.join('\n') };
}

/** Enqueues the reminders due today; a conference already reminded (by this run or an earlier one) is skipped. */
export async function remindOrganisers(ctx: AppContext, today: string): Promise<{ conferences: number; emails: number }> {
  const due = await repo.dueForReminder(ctx.database.db, today, addDays(today, REMINDER_DAYS));
  const names = await unitNames(ctx, due.flatMap((c) => [c.unitCode, ...(c.residentsUnitCode ? [c.residentsUnitCode] : [])]));
  let conferences = 0;
  let emails = 0;
  for (const c of due) {
    const recipients = await organisationEmails(ctx, c.organisationId!);
    const text = reminderText(ctx, c, names.get(c.unitCode) ?? c.unitCode, c.residentsUnitCode ? names.get(c.residentsUnitCode) ?? null : null);
    await ctx.database.db.transaction(async (tx) => {
      if (!(await repo.markReminded(tx, c.id))) return;
      conferences++;
      for (const r of recipients) {
        await enqueue(ctx, tx, { channel: 'email', to: r.email, subject: text.subject, body: text.body, ref: `dialogue:${c.id}` });
        emails++;
      }
    });
  }
  return { conferences, emails };
}

export const dialogueJobs = (ctx: AppContext): JobDef[] => [
  { name: 'dialogue.reminders', run: (day) => remindOrganisers(ctx, day) },
];
