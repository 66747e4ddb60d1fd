// The console's pages: path, menu label and icon, the permission that shows them, and their lazily loaded screen.
import { ApartmentOutlined, AuditOutlined, FileAddOutlined, InboxOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { CalendarOutlined, SettingOutlined } from '@ant-design/icons';
import { BarChartOutlined, SolutionOutlined } from '@ant-design/icons';
import { FileSearchOutlined } from '@ant-design/icons';
import { CloudUploadOutlined } from '@ant-design/icons';
import { CommentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ComponentType, ReactNode } from 'react';
import type { Me } from '../api/types.ts';
import { can } from './session/SessionProvider.tsx';

export interface PageDef {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  /** null: every signed-in official may open it; a list: any one of them. */
  permission: string | string[] | null;
  Screen: ComponentType;
}

export const pages: PageDef[] = [
  {
    key: 'cases',
    path: '/cases',
    label: 'menu.cases',
    icon: <InboxOutlined />,
    permission: 'case.read',
    Screen: lazy(() => import('./cases/CasesPage.tsx')),
  },
  {
    key: 'case-new',
    path: '/cases/new',
    label: 'menu.caseNew',
    icon: <FileAddOutlined />,
    permission: 'case.create',
    Screen: lazy(() => import('./cases/NewCasePage.tsx')),
  },
  {
    key: 'reception',
    path: '/reception',
    label: 'menu.reception',
    icon: <SolutionOutlined />,
    permission: ['reception.read', 'reception.manage'],
    Screen: lazy(() => import('./reception/ReceptionPage.tsx')),
  },
  {
    key: 'dialogue',
    path: '/dialogue',
    label: 'menu.dialogue',
    icon: <CommentOutlined />,
    permission: ['dialogue.read', 'dialogue.manage'],
    Screen: lazy(() => import('./dialogue/DialoguePage.tsx')),
  },
  {
    key: 'reports',
    path: '/reports',
    label: 'menu.reports',
    icon: <BarChartOutlined />,
    permission: 'report.read',
    Screen: lazy(() => import('./reports/ReportsPage.tsx')),
  },
  {
    key: 'supervision',
    path: '/supervision',
    label: 'menu.supervision',
    icon: <FileSearchOutlined />,
    permission: ['supervision.read', 'supervision.manage', 'critique.respond'],
    Screen: lazy(() => import('./supervision/SupervisionPage.tsx')),
  },
  {
    key: 'imports',
    path: '/imports',
    label: 'menu.imports',
    icon: <CloudUploadOutlined />,
    permission: ['import.run', 'import.read'],
    Screen: lazy(() => import('./imports/ImportsPage.tsx')),
  },
  {
    key: 'units',
    path: '/units',
    label: 'menu.units',
    icon: <ApartmentOutlined />,
    permission: null,
    Screen: lazy(() => import('./units/UnitsPage.tsx')),
  },
  {
    key: 'calendar',
    path: '/calendar',
    label: 'menu.calendar',
    icon: <CalendarOutlined />,
    permission: null,
    Screen: lazy(() => import('./calendar/CalendarPage.tsx')),
  },
  {
    key: 'case-settings',
    path: '/case-settings',
    label: 'menu.caseSettings',
    icon: <SettingOutlined />,
    permission: ['case.fields.manage', 'case.keys.manage'],
    Screen: lazy(() => import('./case-settings/CaseSettingsPage.tsx')),
  },
  {
    key: 'organisations',
    path: '/organisations',
    label: 'menu.organisations',
    icon: <TeamOutlined />,
    permission: 'organisation.read',
    Screen: lazy(() => import('./organisations/OrganisationsPage.tsx')),
  },
  {
    key: 'accounts',
    path: '/accounts',
    label: 'menu.accounts',
    icon: <UserOutlined />,
    permission: 'account.read',
    Screen: lazy(() => import('./accounts/AccountsPage.tsx')),
  },
  {
    key: 'audit',
    path: '/audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    Screen: lazy(() => import('./audit/AuditPage.tsx')),
  },
];

export function visiblePages(me: Me): PageDef[] {
  return pages.filter((page) => page.permission === null || [page.permission].flat().some((p) => can(me, p)));
}
