// Demo supervision and critique for the embedded install, in Phường Phú Xuân (Huế): the ward Front's programme of the
// year, one supervision recorded with two recommendations that became cases (one already answered by the ward's
// People's Committee) and one planned; a draft plan of the committee critiqued at a conference, some opinions answered.
// Seeded once, through the module's own use cases.
import type { Actor, Role } from '../../platform/access.ts';
import type { AppContext } from '../../platform/http.ts';
import { todayVN } from '../../platform/clock.ts';
import { ensureOrganisation, type OrganisationRow } from '../organisations/index.ts';
import { addEvent } from '../cases/index.ts';
import * as repo from './supervision.repository.ts';
import * as service from './supervision.service.ts';
import * as critique from './supervision.critique.ts';
import { addDays } from './supervision.rules.ts';

const UNIT = '19753';

const actorOf = (org: OrganisationRow, role: Role): Actor => ({
  userId: '00000000-0000-7000-8000-000000000000', username: 'system', fullName: 'Dữ liệu mẫu',
  grants: [{ role, organisationId: org.id, unitCode: org.unitCode, unitPath: org.unitPath }],
});

function must<T>(out: { ok: true; value: T } | { ok: false; reason: string }, what: string): T {
  if (!out.ok) throw new Error(`demo ${what}: ${out.reason}`);
  return out.value;
}

/** Seeds the demo supervision and critique when the demo data is on and no programme exists yet. */
export async function seedSupervisionDemo(ctx: AppContext): Promise<void> {
  if (!ctx.config.demoData || await repo.anyProgramme(ctx.database.db)) return;
  const mttq = await ensureOrganisation(ctx, { unitCode: UNIT, kind: 'mttq', name: 'Ủy ban MTTQ Việt Nam phường Phú Xuân' });
  const ubnd = await ensureOrganisation(ctx, { unitCode: UNIT, kind: 'ubnd', name: 'Ủy ban nhân dân phường Phú Xuân' });
  const front = actorOf(mttq, 'mttq');
  const handler = actorOf(ubnd, 'handler');
  const today = todayVN();
  const started = addDays(today, -20);

  const programme = must(await service.createProgramme(ctx, front, {
    organisationId: mttq.id, year: Number(started.slice(0, 4)), title: `Chương trình giám sát năm ${started.slice(0, 4)} (dữ liệu mẫu)`,
    content: 'Giám sát việc thu gom rác thải sinh hoạt, công khai ngân sách phường và việc giải quyết kiến nghị của cử tri.',
  }), 'programme');

  const done = must(await service.planVisit(ctx, front, {
    organisationId: mttq.id, programmeId: programme.id, subjectOrganisationId: ubnd.id, form: 'doan_giam_sat',
    topic: 'Việc thu gom, xử lý rác thải sinh hoạt trên địa bàn phường (dữ liệu mẫu)', startedOn: started, endedOn: addDays(started, 2),
  }), 'visit');
  const recorded = must(await service.recordVisit(ctx, front, done.id, {
    endedOn: addDays(started, 2),
    findings: 'Rác thải được thu gom hằng ngày ở các tuyến chính; một số kiệt nhỏ chỉ được thu gom hai ngày một lần, còn điểm tập kết tự phát gần chợ.',
    recommendations: [
      { fieldCode: 'moi_truong', content: 'Bố trí thu gom rác hằng ngày tại các kiệt nhỏ của tổ dân phố 5 và 6, xóa điểm tập kết rác tự phát gần chợ.', dueOn: addDays(today, 25) },
      { fieldCode: 'moi_truong', content: 'Công khai lịch thu gom rác và số điện thoại phản ánh tại nhà văn hóa các tổ dân phố.', dueOn: addDays(today, 10) },
    ],
  }), 'record');
  // The committee has answered the second recommendation.
  const answered = recorded.recommendations[1];
  must(await addEvent(ctx, handler, answered.caseId!, { type: 'accepted', complex: false }), 'accept');
  must(await addEvent(ctx, handler, answered.caseId!, {
    type: 'answered', publishable: false,
    answer: 'Ủy ban nhân dân phường đã niêm yết lịch thu gom rác và số điện thoại đường dây nóng tại nhà văn hóa 12 tổ dân phố.',
  }), 'answer');

  const planned = addDays(today, 10);
  must(await service.planVisit(ctx, front, {
    organisationId: mttq.id, programmeId: planned.slice(0, 4) === started.slice(0, 4) ? programme.id : null, subjectOrganisationId: ubnd.id,
    form: 'nghien_cuu_van_ban', topic: 'Việc công khai dự toán và tình hình thực hiện ngân sách phường (dữ liệu mẫu)', startedOn: planned,
    endedOn: addDays(planned, 5),
  }), 'planned visit');

  const draft = must(await critique.createDraft(ctx, front, {
    organisationId: mttq.id, title: 'Dự thảo Kế hoạch chỉnh trang đô thị phường Phú Xuân giai đoạn 2026–2030 (dữ liệu mẫu)',
    draftingOrganisationId: ubnd.id, receivedOn: addDays(today, -30),
    summary: 'Chỉnh trang vỉa hè, chiếu sáng và cây xanh các tuyến phố chính; sắp xếp lại điểm buôn bán quanh chợ.',
  }), 'draft');
  const { opinions } = must(await critique.addSession(ctx, front, draft.id, {
    form: 'hoi_nghi', heldOn: addDays(today, -24), place: 'Hội trường Ủy ban MTTQ Việt Nam phường Phú Xuân (địa chỉ mẫu)', participants: 45,
    opinions: [
      { content: 'Cần lấy ý kiến hộ kinh doanh quanh chợ trước khi sắp xếp lại điểm buôn bán.' },
      { content: 'Bổ sung lộ trình và kinh phí cụ thể cho từng tuyến phố.' },
      { content: 'Ưu tiên lắp đèn chiếu sáng các kiệt chưa có điện.' },
    ],
  }), 'session');
  must(await critique.respond(ctx, actorOf(ubnd, 'leader'), draft.id, {
    items: [
      { opinionId: opinions[0].id, response: 'tiep_thu', note: 'Đã bổ sung bước lấy ý kiến hộ kinh doanh vào kế hoạch.', respondedOn: addDays(today, -15) },
      { opinionId: opinions[1].id, response: 'giai_trinh', note: 'Kinh phí từng tuyến được lập trong kế hoạch hằng năm theo dự toán được giao.', respondedOn: addDays(today, -15) },
    ],
  }), 'responses');
}
