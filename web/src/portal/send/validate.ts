// What the send form checks before sending (the same rules the server applies), and the JSON body it sends.
import type { CaseKind } from '../../api/cases.ts';
import type { PublicCaseBody } from '../../api/publicCases.ts';
import type { TFunction } from '../../i18n/I18nProvider.tsx';
import type { DraftValues } from './draft.ts';

export const TITLE_MAX = 300;
export const TITLE_MIN = 5;
export const CONTENT_MAX = 20_000;
export const CONTENT_MIN = 10;

/** Complaints and denunciations must say who sends them (Luật Khiếu nại 2011 Điều 8; Luật Tố cáo 2018 Điều 23). */
export function needsIdentity(kind: CaseKind | ''): boolean {
  return kind === 'khieu_nai' || kind === 'to_cao';
}

/** Field path (as the server names it) → where it sits in the form. */
export const fieldIds: Record<string, string> = {
  kind: 'send-kind',
  'place.unitCode': 'send-unit',
  'place.address': 'send-address',
  'place.lat': 'send-location',
  'place.lng': 'send-location',
  place: 'send-unit',
  fieldCode: 'send-field',
  title: 'send-title',
  content: 'send-content',
  files: 'send-files',
  'petitioner.name': 'send-name',
  'petitioner.address': 'send-contact-address',
  'petitioner.phone': 'send-phone',
  'petitioner.email': 'send-email',
  'petitioner.idNumber': 'send-id-number',
  consent: 'send-consent',
};

/** The order fields appear on the page, for the list of errors. */
export const fieldOrder = Object.keys(fieldIds);

export function validate(v: DraftValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  const title = v.title.trim();
  const content = v.content.trim();
  if (!v.kind) errors.kind = t('portal.send.error.kind');
  if (!v.unit) errors['place.unitCode'] = t('portal.send.error.unit');
  if (!v.fieldCode) errors.fieldCode = t('portal.send.error.field');
  if (title.length < TITLE_MIN) errors.title = t('portal.send.error.title', { min: TITLE_MIN });
  if (content.length < CONTENT_MIN) errors.content = t('portal.send.error.content', { min: CONTENT_MIN });
  if (needsIdentity(v.kind)) {
    const kindName = t(`portal.kind.${v.kind}.name`).toLowerCase();
    if (!v.name.trim()) errors['petitioner.name'] = t('portal.send.error.nameRequired', { kind: kindName });
    if (!v.contactAddress.trim()) errors['petitioner.address'] = t('portal.send.error.addressRequired', { kind: kindName });
  }
  const phone = v.phone.trim();
  if (phone && !/^\+?[0-9 .-]{8,15}$/.test(phone)) errors['petitioner.phone'] = t('portal.send.error.phone');
  const email = v.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors['petitioner.email'] = t('portal.send.error.email');
  const idNumber = v.idNumber.trim();
  if (idNumber && !/^(?:[0-9]{9}|[0-9]{12})$/.test(idNumber)) errors['petitioner.idNumber'] = t('portal.send.error.idNumber');
  if (!v.consent) errors.consent = t('portal.send.error.consent');
  return errors;
}

/** The JSON the intake receives; empty boxes are left out rather than sent as "". */
export function toBody(v: DraftValues): PublicCaseBody {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const place: PublicCaseBody['place'] = { unitCode: v.unit?.code ?? '' };
  if (opt(v.address)) place.address = opt(v.address);
  if (v.lat !== null && v.lng !== null) {
    place.lat = v.lat;
    place.lng = v.lng;
  }
  const petitioner: PublicCaseBody['petitioner'] = {};
  const entries: [keyof PublicCaseBody['petitioner'], string][] = [
    ['name', v.name],
    ['address', v.contactAddress],
    ['phone', v.phone],
    ['email', v.email],
    ['idNumber', v.idNumber],
  ];
  for (const [key, value] of entries) {
    const text = opt(value);
    if (text) petitioner[key] = text;
  }
  return {
    kind: v.kind as CaseKind,
    fieldCode: v.fieldCode,
    title: v.title.trim(),
    content: v.content.trim(),
    place,
    petitioner,
    consent: true,
  };
}
