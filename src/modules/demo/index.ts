// The demo dataset of the embedded install: Thành phố Huế and three of its communes, their organisations,
// and one official for each role. Every name says it is sample data.
import type { Role } from '../../platform/access.ts';
import type { AppContext } from '../../platform/http.ts';
import { ensureOrganisation, type Kind, type OrganisationRow } from '../organisations/index.ts';
import { createSystemAccount } from '../accounts/index.ts';
import { addEvent, createCase } from '../cases/index.ts';
import type { Actor } from '../../platform/access.ts';
import { todayVN } from '../../platform/clock.ts';

export const DEMO_PASSWORD = 'caunoi-demo-2026';
export const DEMO_PROVINCE = { code: '46', name: 'Thành phố Huế' };
export const DEMO_COMMUNES = [
  { code: '19753', name: 'Phường Phú Xuân', prefix: 'phuxuan' },
  { code: '19789', name: 'Phường Thuận Hóa', prefix: 'thuanhoa' },
  { code: '19867', name: 'Xã Quảng Điền', prefix: 'quangdien' },
];

export interface DemoLogin { username: string; role: Role; organisation: string; unit: string }

type OrgSpec = { key: string; kind: Kind; name: string; parent?: string };

function provinceOrgs(): OrgSpec[] {
  return [
    { key: 'cap_uy', kind: 'cap_uy', name: 'Thành ủy Huế' },
    { key: 'ban_dan_van', kind: 'ban_dan_van', name: 'Ban Dân vận Thành ủy Huế', parent: 'cap_uy' },
    { key: 'hdnd', kind: 'hdnd', name: 'Hội đồng nhân dân thành phố Huế' },
    { key: 'ubnd', kind: 'ubnd', name: 'Ủy ban nhân dân thành phố Huế' },
    { key: 'thanh_tra', kind: 'co_quan_chuyen_mon', name: 'Thanh tra thành phố Huế', parent: 'ubnd' },
    { key: 'tiep_dan', kind: 'co_quan_chuyen_mon', name: 'Ban Tiếp công dân thành phố Huế', parent: 'ubnd' },
    { key: 'so_noi_vu', kind: 'co_quan_chuyen_mon', name: 'Sở Nội vụ', parent: 'ubnd' },
    { key: 'mttq', kind: 'mttq', name: 'Ủy ban MTTQ Việt Nam thành phố Huế' },
    { key: 'hoi_lhpn', kind: 'hoi_lhpn', name: 'Hội Liên hiệp Phụ nữ thành phố Huế', parent: 'mttq' },
    { key: 'doan_tn', kind: 'doan_tn', name: 'Thành đoàn Huế', parent: 'mttq' },
    { key: 'hoi_nong_dan', kind: 'hoi_nong_dan', name: 'Hội Nông dân thành phố Huế', parent: 'mttq' },
    { key: 'hoi_ccb', kind: 'hoi_ccb', name: 'Hội Cựu chiến binh thành phố Huế', parent: 'mttq' },
  ];
}

function communeOrgs(name: string): OrgSpec[] {
  const short = name.replace(/^(Phường|Xã) /, '');
  const level = name.startsWith('Phường') ? 'phường' : 'xã';
  return [
    { key: 'cap_uy', kind: 'cap_uy', name: `Đảng ủy ${level} ${short}` },
    { key: 'ubnd', kind: 'ubnd', name: `Ủy ban nhân dân ${level} ${short}` },
    { key: 'hdnd', kind: 'hdnd', name: `Hội đồng nhân dân ${level} ${short}` },
    { key: 'mttq', kind: 'mttq', name: `Ủy ban MTTQ Việt Nam ${level} ${short}` },
    { key: 'hoi_lhpn', kind: 'hoi_lhpn', name: `Hội Liên hiệp Phụ nữ ${level} ${short}`, parent: 'mttq' },
  ];
}

const ROLE_ORG: Record<Role, { org: string; title: string }> = {
  admin: { org: 'ubnd', title: 'Quản trị viên' },
  leader: { org: 'ubnd', title: 'Lãnh đạo' },
  handler: { org: 'ubnd', title: 'Cán bộ xử lý đơn' },
  reception: { org: 'ubnd', title: 'Cán bộ tiếp công dân' },
  danvan: { org: 'cap_uy', title: 'Cán bộ dân vận' },
  mttq: { org: 'mttq', title: 'Cán bộ MTTQ' },
  auditor: { org: 'hdnd', title: 'Kiểm tra viên' },
};
const PROVINCE_ROLE_ORG: Partial<Record<Role, string>> = { handler: 'thanh_tra', reception: 'tiep_dan', danvan: 'ban_dan_van' };
const ROLE_SLUG: Record<Role, string> = { admin: 'quantri', leader: 'lanhdao', handler: 'xuly', reception: 'tiepdan', danvan: 'danvan', mttq: 'mttq', auditor: 'kiemtra' };

async function createOrgs(ctx: AppContext, unitCode: string, specs: OrgSpec[]): Promise<Map<string, OrganisationRow>> {
  const made = new Map<string, OrganisationRow>();
  for (const s of specs) {
    made.set(s.key, await ensureOrganisation(ctx, { unitCode, kind: s.kind, name: s.name, parentId: s.parent ? made.get(s.parent)!.id : null }));
  }
  return made;
}

/** Seeds the demo data once; returns the logins (empty when it was already there). */
export async function seedDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  const add = async (username: string, fullName: string, role: Role, org: OrganisationRow, unit: string) => {
    const r = await createSystemAccount(ctx, { username, fullName: `${fullName} (dữ liệu mẫu)`, password: DEMO_PASSWORD, memberships: [{ organisation: org, role }] });
    if (r.ok) logins.push({ username, role, organisation: org.name, unit });
  };
  const central = await ensureOrganisation(ctx, { unitCode: 'VN', kind: 'khac', name: 'Ban quản trị hệ thống Cầu Nối' });
  await add('trunguong.quantri', 'Quản trị viên trung ương', 'admin', central, 'Việt Nam');

  const province = await createOrgs(ctx, DEMO_PROVINCE.code, provinceOrgs());
  for (const role of Object.keys(ROLE_ORG) as Role[]) {
    const org = province.get(PROVINCE_ROLE_ORG[role] ?? ROLE_ORG[role].org)!;
    await add(`hue.${ROLE_SLUG[role]}`, `${ROLE_ORG[role].title} thành phố Huế`, role, org, DEMO_PROVINCE.name);
  }
  for (const [i, commune] of DEMO_COMMUNES.entries()) {
    const orgs = await createOrgs(ctx, commune.code, communeOrgs(commune.name));
    // Every role in the first commune; an administrator and a handler in the others.
    const roles: Role[] = i === 0 ? (Object.keys(ROLE_ORG) as Role[]) : ['admin', 'handler'];
    for (const role of roles) {
      await add(`${commune.prefix}.${ROLE_SLUG[role]}`, `${ROLE_ORG[role].title} ${commune.name}`, role, orgs.get(ROLE_ORG[role].org)!, commune.name);
    }
    if (i === 0 && logins.length > 0) await seedCases(ctx, orgs.get('ubnd')!);
  }
  return logins;
}

const daysAgo = (n: number) => {
  const d = new Date(`${todayVN()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

/** A few cases in the first commune, in different states, so the inbox is not empty on first start. */
async function seedCases(ctx: AppContext, ubnd: OrganisationRow): Promise<void> {
  const actor: Actor = {
    userId: '00000000-0000-7000-8000-000000000000', username: 'system', fullName: 'Dữ liệu mẫu',
    grants: [{ role: 'handler', organisationId: ubnd.id, unitCode: ubnd.unitCode, unitPath: ubnd.unitPath }],
  };
  const place = { unitCode: ubnd.unitCode, address: 'Tổ dân phố 5' };
  const specs = [
    { kind: 'khieu_nai', channel: 'reception', fieldCode: 'dat_dai', receivedOn: daysAgo(12), accept: true,
      title: 'Khiếu nại quyết định thu hồi đất làm đường (dữ liệu mẫu)', content: 'Gia đình tôi không đồng ý với mức bồi thường trong quyết định thu hồi đất vì giá đất thấp hơn thực tế.',
      petitioner: { name: 'Nguyễn Văn Mẫu', address: '12 Lê Lợi, phường Phú Xuân', phone: '0905000001' } },
    { kind: 'to_cao', channel: 'mail', fieldCode: 'tham_nhung_tieu_cuc', receivedOn: daysAgo(3), accept: false,
      title: 'Tố cáo cán bộ nhận tiền khi làm thủ tục (dữ liệu mẫu)', content: 'Tôi tố cáo một cán bộ tiếp nhận hồ sơ gợi ý nhận tiền để giải quyết nhanh thủ tục đất đai.',
      petitioner: { name: 'Trần Thị Mẫu', address: '5 Hùng Vương, phường Phú Xuân', phone: '0905000002' } },
    { kind: 'kien_nghi', channel: 'hotline', fieldCode: 'giao_thong', receivedOn: daysAgo(30), accept: false,
      title: 'Kiến nghị sửa đèn chiếu sáng kiệt 12 (dữ liệu mẫu)', content: 'Đèn chiếu sáng trong kiệt 12 hỏng đã hai tháng, đi lại ban đêm rất nguy hiểm.', petitioner: {} },
    { kind: 'phan_anh', channel: 'reception', fieldCode: 'moi_truong', receivedOn: todayVN(), accept: false,
      title: 'Phản ánh tiếng ồn quán karaoke sau 22 giờ (dữ liệu mẫu)', content: 'Quán karaoke trên đường Đinh Tiên Hoàng mở nhạc lớn sau 22 giờ nhiều đêm liền.',
      petitioner: { name: 'Lê Văn Mẫu', address: 'Đinh Tiên Hoàng, phường Phú Xuân' },
      mass: { headCount: 12, representatives: [{ name: 'Lê Văn Mẫu' }, { name: 'Phạm Thị Mẫu' }] } },
  ] as const;
  for (const spec of specs) {
    const { accept, ...input } = spec;
    const created = await createCase(ctx, actor, { ...input, place, complex: false } as Parameters<typeof createCase>[2]);
    if (!created.ok) throw new Error(`demo case: ${created.reason}`);
    if (accept) await addEvent(ctx, actor, created.value.id, { type: 'accepted', complex: false });
  }
}
