// The residents' side: sending a concern, following it, rating the answer, the published answers; messages to residents.
import type { ModuleManifest } from '../../platform/http.ts';
import { deliverDue, transportsFor } from '../../platform/outbox.ts';
import { sweep } from '../../platform/ratelimit.ts';
import { portalRoutes } from './portal.routes.ts';
import './portal.messages.ts';

export { submit, casesSentVia, submissionsPerApiKey, type SubmitMeta, type Receipt, type Upload } from './portal.service.ts';
export { parseTrackingCode } from './portal.tracking.ts';
export { submitBody } from './portal.schemas.ts';

export const portalModule: ModuleManifest = {
  name: 'portal',
  routes: portalRoutes,
  jobs: (ctx) => [{ name: 'ratelimit.sweep', run: async () => { await sweep(ctx.database.db); return {}; } }],
  workers: (ctx) => {
    const transports = transportsFor(ctx.config);
    return [{ name: 'outbox', everyMs: 5000, run: () => deliverDue(ctx, transports) }];
  },
};
