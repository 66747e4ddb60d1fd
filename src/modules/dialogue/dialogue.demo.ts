// Demo conferences of Phường Phú Xuân for the embedded install, made through the module's own use cases: one held
// with recommendations (some answered on the spot, some followed as cases, one of them already answered), one
// planned and published on the portal calendar, and one that did not take place. Seeded once.
import type { Actor } from '../../platform/access.ts';
import { todayVN } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/http.ts';
import { unitInForce } from '../units/index.ts';
import { ensureOrganisation } from '../organisations/index.ts';
import { addEvent } from '../cases/index.ts';
import * as repo from './dialogue.repository.ts';
import * as service from './dialogue.service.ts';
import { addDays } from './dialogue.rules.ts';

const UNIT = '19753';
const SYSTEM_ID = '00000000-0000-7000-8000-000000000000';

const chairs = [
  { side: 'cap_uy' as const, name: 'Hoàng Văn Mẫu (dữ liệu mẫu)', position: 'Bí thư Đảng ủy phường Phú Xuân' },
  { side: 'chinh_quyen' as const, name: 'Nguyễn Văn Mẫu (dữ liệu mẫu)', position: 'Chủ tịch Ủy ban nhân dân phường Phú Xuân' },
  { side: 'mttq' as const, name: 'Lê Thị Mẫu (dữ liệu mẫu)', position: 'Chủ tịch Ủy ban MTTQ Việt Nam phường Phú Xuân' },
];

function must<T>(r: { ok: true; value: T } | { ok: false; reason: string }, what: string): T {
  if (!r.ok) throw new Error(`demo ${what}: ${r.reason}`);
  return r.value;
}

export async function seedDialogueDemo(ctx: AppContext): Promise<void> {
  if (!ctx.config.demoData || await repo.anyConference(ctx.database.db)) return;
  const unit = await unitInForce(ctx, UNIT);
  if (!unit) return;
  const party = await ensureOrganisation(ctx, { unitCode: UNIT, kind: 'cap_uy', name: 'Đảng ủy phường Phú Xuân' });
  const ubnd = await ensureOrganisation(ctx, { unitCode: UNIT, kind: 'ubnd', name: 'Ủy ban nhân dân phường Phú Xuân' });
  const danvan: Actor = { userId: SYSTEM_ID, username: 'system', fullName: 'Dữ liệu mẫu', grants: [{ role: 'danvan', organisationId: party.id, unitCode: unit.code, unitPath: unit.path }] };
  const handler: Actor = { userId: SYSTEM_ID, username: 'system', fullName: 'Dữ liệu mẫu', grants: [{ role: 'handler', organisationId: ubnd.id, unitCode: unit.code, unitPath: unit.path }] };
  const today = todayVN();
  const base = { unitCode: UNIT, organisationId: party.id, startsAt: '08:00', chairs, residentsUnitCode: UNIT };

  const held = must(await service.planConference(ctx, danvan, {
    ...base, type: 'dinh_ky', form: 'doi_thoai', heldOn: addDays(today, -18), published: true,
    topic: 'Chỉnh trang đô thị, vệ sinh môi trường và chiếu sáng các kiệt, hẻm (dữ liệu mẫu)',
    place: 'Hội trường Ủy ban nhân dân phường Phú Xuân (địa chỉ mẫu)',
    invited: [{ group: 'mttq' }, { group: 'doan_the' }, { group: 'nguoi_dan', note: 'Đại diện cử tri các tổ dân phố' }],
  }), 'plan');
  const recorded = must(await service.recordHeld(ctx, danvan, held.id, {
    attendance: 142,
    recommendations: [
      { raisedBy: 'Cử tri tổ dân phố 5', fieldCode: 'giao_thong', outcome: 'case', ownerOrganisationId: ubnd.id,
        content: 'Đèn chiếu sáng trong kiệt 12 đường Lê Lợi hỏng đã lâu, đề nghị phường sớm sửa chữa để người dân đi lại an toàn ban đêm.' },
      { raisedBy: 'Hội Liên hiệp Phụ nữ phường', fieldCode: 'moi_truong', outcome: 'answered',
        content: 'Rác thải quanh khu chợ tồn đọng vào buổi chiều; đề nghị tăng số lần thu gom trong ngày.',
        answer: 'Phường đã làm việc với đơn vị vệ sinh môi trường: từ đầu tháng tới, khu chợ được thu gom hai lần mỗi ngày, lần hai lúc 17 giờ.',
        answeredBy: 'Chủ tịch Ủy ban nhân dân phường' },
      { raisedBy: 'Cử tri tổ dân phố 9', fieldCode: 'dat_dai', outcome: 'case', ownerOrganisationId: ubnd.id,
        content: 'Đề nghị công khai tiến độ cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã nộp hồ sơ từ năm trước.' },
      { raisedBy: 'Hội Cựu chiến binh phường', fieldCode: 'an_ninh_trat_tu', outcome: 'answered',
        content: 'Tình trạng xe máy đỗ trên vỉa hè trước trường học giờ tan học gây mất an toàn cho học sinh.',
        answer: 'Công an phường sẽ bố trí lực lượng phân luồng vào giờ tan học và nhắc nhở, xử lý các trường hợp đỗ xe sai quy định.',
        answeredBy: 'Trưởng Công an phường' },
    ],
  }), 'record');
  // One follow-up case already answered by the ward, so the results page shows a resolved recommendation.
  const recs = await repo.recommendationsOf(ctx.database.db, recorded.id);
  const answeredCase = recs.find((r) => r.seq === 3)?.caseId;
  if (answeredCase) {
    must(await addEvent(ctx, handler, answeredCase, { type: 'accepted', complex: false }), 'accept');
    must(await addEvent(ctx, handler, answeredCase, {
      type: 'answered', publishable: true,
      answer: 'Ủy ban nhân dân phường đã niêm yết danh sách hồ sơ và tiến độ cấp giấy chứng nhận tại bộ phận một cửa và trên trang thông tin của phường; hộ gia đình tra cứu theo mã hồ sơ.',
    }), 'answer');
  }

  must(await service.planConference(ctx, danvan, {
    ...base, type: 'dot_xuat', form: 'tiep_xuc', heldOn: addDays(today, 12), startsAt: '14:00', published: true,
    topic: 'Tiếp xúc, đối thoại với thanh niên về việc làm và học nghề (dữ liệu mẫu)',
    place: 'Nhà văn hóa tổ dân phố 3, phường Phú Xuân (địa chỉ mẫu)',
    invited: [{ group: 'doan_the', note: 'Đoàn Thanh niên phường' }, { group: 'nguoi_dan', note: 'Thanh niên trong độ tuổi lao động' }],
  }), 'plan');

  const cancelled = must(await service.planConference(ctx, danvan, {
    ...base, type: 'dinh_ky', form: 'doi_thoai', heldOn: addDays(today, -40), published: false,
    topic: 'Đối thoại về công tác phòng, chống thiên tai mùa mưa bão (dữ liệu mẫu)',
    place: 'Hội trường Ủy ban nhân dân phường Phú Xuân (địa chỉ mẫu)', invited: [{ group: 'nguoi_dan' }],
  }), 'plan');
  must(await service.recordNotHeld(ctx, danvan, cancelled.id, 'Trùng thời gian ứng phó áp thấp nhiệt đới; hội nghị được dời sang quý sau (dữ liệu mẫu).'), 'not held');
}
