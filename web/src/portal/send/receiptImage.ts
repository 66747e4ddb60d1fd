// The receipt as a PNG drawn on a canvas (no library): the codes in large type, the case facts, and what to do with them.
import type { PublicReceipt } from '../../api/publicCases.ts';
import type { TFunction } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../shared/format.ts';
import { kindLabel } from '../labels.ts';

const WIDTH = 1000;
const PAD = 64;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
const RED = '#a4161a';
const INK = '#1c1b1f';
const SOFT = '#4a4650';

type Op = (c: CanvasRenderingContext2D) => void;

/** Splits text into lines no wider than `max` at the current font. */
function wrap(c: CanvasRenderingContext2D, text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (c.measureText(next).width <= max || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function receiptFileName(receipt: PublicReceipt): string {
  return `bien-nhan-${receipt.trackingCode}.png`;
}

export async function drawReceipt(receipt: PublicReceipt, t: TFunction, trackUrl: string): Promise<Blob> {
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('canvas unavailable');
  const ops: Op[] = [];
  let y = 0;

  // Header band.
  ops.push((c) => {
    c.fillStyle = RED;
    c.fillRect(0, 0, WIDTH, 150);
    c.fillStyle = '#ffffff';
    c.font = `700 44px ${FONT}`;
    c.fillText(t('app.name'), PAD, 78);
    c.font = `400 28px ${FONT}`;
    c.fillText(t('portal.receipt.imageTitle'), PAD, 122);
  });
  y = 150 + 64;

  // The two codes, large.
  for (const [label, value] of [
    [t('portal.receipt.code'), receipt.trackingCode],
    [t('portal.receipt.secret'), receipt.secret],
  ] as const) {
    const top = y;
    ops.push((c) => {
      c.fillStyle = SOFT;
      c.font = `600 26px ${FONT}`;
      c.fillText(label, PAD, top);
      c.fillStyle = INK;
      c.font = `700 64px ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace`;
      c.fillText(value, PAD, top + 72);
    });
    y += 72 + 56;
  }

  const divider = y - 16;
  ops.push((c) => {
    c.fillStyle = '#d9d4cc';
    c.fillRect(PAD, divider, WIDTH - 2 * PAD, 2);
  });
  y += 40;

  const due = receipt.dueOn
    ? `${formatDay(receipt.dueOn)}${receipt.dueOnLunar ? ` (${receipt.dueOnLunar})` : ''}`
    : t('portal.receipt.dueLater');
  const rows: [string, string][] = [
    [t('portal.receipt.caseNumber'), receipt.caseNumber],
    [t('portal.receipt.kind'), kindLabel(t, receipt.kind, receipt.kindName)],
    [t('portal.receipt.title'), receipt.title],
    [t('portal.receipt.receivedOn'), formatDay(receipt.receivedOn)],
    [t('portal.receipt.unit'), receipt.receivingUnit.name],
    [t('portal.receipt.dueOn'), due],
  ];
  const labelWidth = 300;
  const valueWidth = WIDTH - 2 * PAD - labelWidth;
  measure.font = `600 30px ${FONT}`;
  for (const [label, value] of rows) {
    const lines = wrap(measure, value, valueWidth).slice(0, 4);
    const top = y;
    ops.push((c) => {
      c.fillStyle = SOFT;
      c.font = `400 26px ${FONT}`;
      c.fillText(label, PAD, top);
      c.fillStyle = INK;
      c.font = `600 30px ${FONT}`;
      lines.forEach((line, i) => c.fillText(line, PAD + labelWidth, top + i * 40));
    });
    y += Math.max(1, lines.length) * 40 + 22;
  }

  // What to do with the codes.
  y += 20;
  measure.font = `600 28px ${FONT}`;
  const keep = wrap(measure, t('portal.receipt.keep'), WIDTH - 2 * PAD - 48);
  measure.font = `400 26px ${FONT}`;
  const where = wrap(measure, t('portal.receipt.keepWhere', { url: trackUrl }), WIDTH - 2 * PAD - 48);
  const boxTop = y;
  const boxHeight = 40 + keep.length * 40 + where.length * 36 + 16;
  ops.push((c) => {
    c.fillStyle = '#fbf7f0';
    c.fillRect(PAD, boxTop, WIDTH - 2 * PAD, boxHeight);
    c.fillStyle = RED;
    c.fillRect(PAD, boxTop, 8, boxHeight);
    c.fillStyle = INK;
    c.font = `600 28px ${FONT}`;
    keep.forEach((line, i) => c.fillText(line, PAD + 32, boxTop + 50 + i * 40));
    c.fillStyle = SOFT;
    c.font = `400 26px ${FONT}`;
    where.forEach((line, i) => c.fillText(line, PAD + 32, boxTop + 50 + keep.length * 40 + i * 36));
  });
  y = boxTop + boxHeight + PAD;

  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = Math.ceil(y);
  const c = canvas.getContext('2d');
  if (!c) throw new Error('canvas unavailable');
  c.fillStyle = '#ffffff';
  c.fillRect(0, 0, canvas.width, canvas.height);
  c.textBaseline = 'alphabetic';
  for (const op of ops) op(c);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('canvas unavailable');
  return blob;
}

/** Saves the receipt through the browser's download. */
export async function downloadReceipt(receipt: PublicReceipt, t: TFunction, trackUrl: string): Promise<void> {
  const blob = await drawReceipt(receipt, t, trackUrl);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = receiptFileName(receipt);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
