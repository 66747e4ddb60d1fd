// Open311 GeoReport v2: other apps send and read reflections through the open standard.
import type { ModuleManifest } from '../../platform/http.ts';
import { open311KeyRoutes, open311Routes } from './open311.routes.ts';

export const open311Module: ModuleManifest = { name: 'open311', routes: open311KeyRoutes, rootRoutes: open311Routes };
