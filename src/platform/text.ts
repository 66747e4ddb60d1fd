// Vietnamese text helpers: Unicode normalisation and the diacritics-free key used for matching names.

/** NFC, the form every stored string takes. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Folds text for matching: no tone marks or diacritics, đ → d, lower case, one space between words,
 * typographic apostrophes made plain. "Phường Ba Đình", "PHUONG BA ĐINH" and "phuong ba dinh" share one key.
 */
export function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Deep-normalises every string in a parsed JSON value (request bodies, query strings) to NFC. */
export function normaliseStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v) => normaliseStrings(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normaliseStrings(v);
    return out as T;
  }
  return value;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
/** Sorts by Vietnamese collation. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
