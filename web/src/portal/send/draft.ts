// The send form's draft, kept in localStorage as the resident types (files excepted) so a dropped connection or a
// reload loses nothing; it carries the idempotency key, so every retry of the same draft names the same case.
import type { CaseKind } from '../../api/cases.ts';
import { randomId } from '../../api/publicCases.ts';
import type { PickedUnit } from '../UnitPicker.tsx';

export interface DraftValues {
  kind: CaseKind | '';
  unit: PickedUnit | null;
  address: string;
  lat: number | null;
  lng: number | null;
  fieldCode: string;
  title: string;
  content: string;
  name: string;
  contactAddress: string;
  phone: string;
  email: string;
  idNumber: string;
  consent: boolean;
}

export interface Draft {
  version: 1;
  /** Idempotency-Key of this draft: the same until the case is received. */
  key: string;
  values: DraftValues;
  /** Files chosen when last saved: they cannot be kept, so the resident is told to add them again. */
  fileCount: number;
  /** True once a send failed with no answer: the server may already hold the case under this key. */
  attempted: boolean;
  savedAt: string;
}

export const emptyValues: DraftValues = {
  kind: '',
  unit: null,
  address: '',
  lat: null,
  lng: null,
  fieldCode: '',
  title: '',
  content: '',
  name: '',
  contactAddress: '',
  phone: '',
  email: '',
  idNumber: '',
  consent: false,
};

const storageKey = 'cn.portal.sendDraft';

export function newDraft(values: DraftValues = emptyValues): Draft {
  return { version: 1, key: randomId(), values, fileCount: 0, attempted: false, savedAt: new Date().toISOString() };
}

/** Whether the resident has typed or chosen anything worth keeping (a kind alone is: it may come from a link). */
export function hasContent(values: DraftValues, ignoreKind = false): boolean {
  return (Object.keys(emptyValues) as (keyof DraftValues)[]).some(
    (k) => k !== 'consent' && !(ignoreKind && k === 'kind') && values[k] !== emptyValues[k],
  );
}

export function loadDraft(): Draft | null {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<Draft>;
    if (draft.version !== 1 || typeof draft.key !== 'string' || typeof draft.values !== 'object' || !draft.values) return null;
    return {
      version: 1,
      key: draft.key,
      values: { ...emptyValues, ...draft.values },
      fileCount: typeof draft.fileCount === 'number' ? draft.fileCount : 0,
      attempted: draft.attempted === true,
      savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : new Date().toISOString(),
    };
  } catch {
    return null;
  }
}

export function saveDraft(draft: Draft): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the form still works, only without the safety net.
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // Nothing to clear.
  }
}
