// Shapes of the JSON the Cầu Nối API sends and receives (see the API contract in the docs).

export type UnitLevel = 'central' | 'province' | 'district' | 'commune';

export interface UnitRef {
  code: string;
  name: string;
}

export interface Unit {
  code: string;
  name: string;
  shortName: string;
  type: string;
  level: UnitLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  ancestors: UnitRef[];
  /** Vùng sâu, vùng xa: complaint deadlines are longer (Luật Khiếu nại 2011, Điều 28, 37). */
  remoteArea?: boolean;
}

export type Role = 'admin' | 'leader' | 'handler' | 'reception' | 'danvan' | 'mttq' | 'auditor';

export const roles: readonly Role[] = ['admin', 'leader', 'handler', 'reception', 'danvan', 'mttq', 'auditor'];

export interface Membership {
  organisationId: string;
  organisationName: string;
  unitCode: string;
  unitName: string;
  role: Role;
}

export type Permission =
  | 'organisation.read'
  | 'organisation.manage'
  | 'account.read'
  | 'account.manage'
  | 'audit.read';

export interface Me {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  mustChangePassword: boolean;
  memberships: Membership[];
  permissions: string[];
}

export const organisationKinds = [
  'cap_uy',
  'ban_dan_van',
  'hdnd',
  'ubnd',
  'co_quan_chuyen_mon',
  'mttq',
  'hoi_lhpn',
  'doan_tn',
  'hoi_nong_dan',
  'hoi_ccb',
  'cong_doan',
  'don_vi_su_nghiep',
  'doanh_nghiep',
  'khac',
] as const;

export type OrganisationKind = (typeof organisationKinds)[number];

export interface Abilities {
  update: boolean;
  deactivate: boolean;
}

export interface Organisation {
  id: string;
  unitCode: string;
  unitName: string;
  parentId: string | null;
  kind: string;
  name: string;
  active: boolean;
  createdAt: string;
  abilities: Abilities;
}

export interface Account {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
  lastLoginAt: string | null;
  memberships: Membership[];
  abilities: Abilities;
}

export interface MembershipInput {
  organisationId: string;
  role: Role;
}

export const auditActions = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.locked',
  'auth.password_changed',
  'account.created',
  'account.updated',
  'account.memberships_changed',
  'account.deactivated',
  'account.activated',
  'account.password_reset',
  'organisation.created',
  'organisation.renamed',
  'organisation.deactivated',
  'organisation.activated',
  'calendar.adjustment.created',
  'calendar.adjustment.deleted',
  'access.denied',
] as const;

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  actorId: string | null;
  actorName: string | null;
  unitCode: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

export interface Items<T> {
  items: T[];
}
