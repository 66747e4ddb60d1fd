// The list of modules, in the order their demo data is seeded. Adding a module touches this one line.
import { unitsModule } from './units/index.ts';
import { organisationsModule } from './organisations/index.ts';
import { accountsModule } from './accounts/index.ts';
import { auditModule } from './audit/index.ts';
import { calendarModule } from './calendar/index.ts';
import { casesModule } from './cases/index.ts';
import { dialogueModule } from './dialogue/index.ts';
import { supervisionModule } from './supervision/index.ts';
import { receptionModule } from './reception/index.ts';
import { portalModule } from './portal/index.ts';
import { open311Module } from './open311/index.ts';
import { reportsModule } from './reports/index.ts';
import { importsModule } from './imports/index.ts';

export const MODULES = [unitsModule, organisationsModule, accountsModule, auditModule, calendarModule, casesModule, dialogueModule, supervisionModule, portalModule, open311Module, receptionModule, importsModule, reportsModule];
