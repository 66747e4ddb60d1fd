// Reads .docx files in tests: the entries of the archive and the text of word/document.xml.
import { readZip } from '../platform/zip.ts';

/** The entries of a zip archive by name. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  return new Map(readZip(buf));
}

/** word/document.xml of a .docx, as a string. */
export function documentXml(docx: Buffer): string {
  const part = unzip(docx).get('word/document.xml');
  if (!part) throw new Error('No word/document.xml in the archive');
  return part.toString('utf8');
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The visible text of each paragraph of a WordprocessingML part, in order (runs joined, tabs as '\t', line breaks as '\n'). */
export function paragraphs(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    let text = '';
    for (const t of m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\/>/g)) {
      text += t[2] === 'tab' ? '\t' : t[2] === 'br' ? '\n' : unescape(t[1]);
    }
    out.push(text);
  }
  return out;
}

/** All the visible text, one paragraph per line. */
export function plainText(xml: string): string {
  return paragraphs(xml).join('\n');
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The run properties (<w:rPr>…</w:rPr>) of the first run whose whole text is `text`; undefined when there is none. */
export function runProps(xml: string, text: string): string | undefined {
  const re = new RegExp(`<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?(?:<w:br/>)?<w:t(?: [^>]*)?>${escapeRegExp(escapeXml(text))}</w:t></w:r>`, 's');
  const m = re.exec(xml);
  return m ? (m[1] ?? '') : undefined;
}

/** The paragraph properties (<w:pPr>…</w:pPr>) of the first paragraph whose text starts with `start`. */
export function paragraphProps(xml: string, start: string): string | undefined {
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    if (paragraphs(m[0])[0]?.startsWith(start)) return /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(m[0])?.[0] ?? '';
  }
  return undefined;
}

export interface RunStyle { font?: string; size?: number; bold: boolean; italic: boolean; underline: boolean }

/** The formatting of the first run whose whole text is `text` (size in points); undefined when there is none. */
export function runStyle(xml: string, text: string): RunStyle | undefined {
  const rPr = runProps(xml, text);
  if (rPr === undefined) return undefined;
  const size = /<w:sz w:val="(\d+)"\/>/.exec(rPr)?.[1];
  return {
    font: /<w:rFonts [^>]*w:ascii="([^"]+)"/.exec(rPr)?.[1],
    size: size === undefined ? undefined : Number(size) / 2,
    bold: /<w:b\/>/.test(rPr),
    italic: /<w:i\/>/.test(rPr),
    underline: /<w:u w:val="(?!none)/.test(rPr),
  };
}
