// The demo dataset of the embedded install: Thành phố Huế and three of its communes, their organisations,
// and one official for each role. Every name says it is sample data.
import type { Role } from '../../platform/access.ts';
import type { AppContext } from '../../platform/http.ts';
import { ensureOrganisation, type Kind, type OrganisationRow } from '../organisations/index.ts';
import { createSystemAccount } from '../accounts/index.ts';

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
  }
  return logins;
}
