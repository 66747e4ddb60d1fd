// Dialogue conferences (hội nghị tiếp xúc, đối thoại): planned, reminded, recorded with the recommendations residents
// raised; those not answered on the spot become cases and are followed to resolution; the results are published.
import type { ModuleManifest } from '../../platform/http.ts';
import './dialogue.policy.ts';
import './dialogue.cases.ts';
import { dialogueRoutes } from './dialogue.routes.ts';
import { dialogueJobs } from './dialogue.jobs.ts';
import { seedDialogueDemo } from './dialogue.demo.ts';
import { foldDialogueRollup } from './dialogue.rollup.ts';

export { DIALOGUE_MANAGE, DIALOGUE_READ } from './dialogue.policy.ts';
export { importedConferences, writeImportedDialogue, importedDialogueChanged, deleteImportedDialogue, type ImportedConference, type ImportedRecommendation, type KnownConference } from './dialogue.import.ts';
export { foldDialogueRollup } from './dialogue.rollup.ts';
export { dialogueFigures, listConferencesIn, listDialogueRecommendationsIn, conferenceSentence, type DialogueFigures, type DialogueChildCounts } from './dialogue.figures.ts';

export const dialogueModule: ModuleManifest = {
  name: 'dialogue',
  routes: dialogueRoutes,
  jobs: dialogueJobs,
  // The report's roll-up of recommendations gains a delta row per change; folding them every ten minutes keeps it small.
  workers: (ctx) => [{ name: 'dialogue.rollup', everyMs: 10 * 60_000, run: () => foldDialogueRollup(ctx) }],
  onBoot: seedDialogueDemo,
};
