// Reads .docx files in tests: a minimal zip reader (central directory + node:zlib) and the text of word/document.xml.
import { inflateRawSync } from 'node:zlib';

/** The entries of a zip archive by name (stored or deflated entries only, which is all .docx writers use). */
export function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('Not a zip archive: no end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`Bad central-directory entry at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    if (method === 0) out.set(name, Buffer.from(data));
    else if (method === 8) out.set(name, inflateRawSync(data));
    else throw new Error(`Unsupported zip method ${method} for ${name}`);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
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
