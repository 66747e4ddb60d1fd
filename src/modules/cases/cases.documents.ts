// The letters of petition handling (xử lý đơn) as .docx, after the forms of TT 05/2021/TT-TTCP: receipt, transfer slip, guidance, answer.
// Their wording is legal form text in Vietnamese, not interface text, so it lives here rather than in the i18n catalogs.
import {
  formatNumericDate,
  renderOfficialDocument,
  type BodyBlock,
  type DocumentLayout,
  type OfficialDocument,
  type Signature,
} from '../../platform/documents.ts';
import type { Channel, Kind } from './cases.workflow.ts';

export type CaseKind = Kind;

/** Who issues a letter, and its number, place and date. */
export interface IssuerInfo {
  /** Defaults to the State layout; Party bodies pass 'party'. */
  layout?: DocumentLayout;
  /** Cơ quan chủ quản, e.g. "Ủy ban nhân dân tỉnh Bắc Ninh". */
  parentBody?: string;
  /** The issuing body as written in running text, e.g. "Ủy ban nhân dân xã Tân Hưng" (the header prints it in capitals). */
  body: string;
  /** Number and symbol without "Số:", e.g. "12/PCĐ-UBND". */
  documentNumber: string;
  /** Place name for the date line, e.g. "Tân Hưng". */
  place: string;
  /** 'YYYY-MM-DD' */
  date: string;
  signer: Signature;
}

/** The person who sent the đơn. */
export interface Petitioner {
  name: string;
  address?: string;
  /** "Ông" or "Bà"; "Ông/Bà" when not given. */
  honorific?: string;
}

/** The case a letter is about. */
export interface CaseRef {
  /** The case number in the receiving unit's book, e.g. "125/2026". */
  number: string;
  kind: CaseKind;
  /** 'YYYY-MM-DD' */
  receivedOn: string;
  /** What the đơn is about, in one or two sentences. */
  summary: string;
}

export interface ReceivedDocument {
  name: string;
  /** "Bản chính", "Bản sao", "Bản chụp"… */
  form?: string;
  /** Number of sheets. */
  sheets?: number;
}

export interface ReceiptInput {
  issuer: IssuerInfo;
  case: CaseRef & {
    /** How the đơn came in. */
    channel: Channel;
  };
  /** Never printed for a denunciation. */
  petitioner?: Petitioner;
  documents: readonly ReceivedDocument[];
  /** The date by which the đơn is expected to be processed, 'YYYY-MM-DD'. */
  handlingDeadline: string;
  /** Code for following the case online. */
  trackingCode?: string;
  recipients?: readonly string[];
}

export interface TransferInput {
  issuer: IssuerInfo;
  /** The competent body the đơn goes to, e.g. "Ủy ban nhân dân tỉnh Bắc Ninh". */
  to: string;
  case: CaseRef;
  /** Never printed for a denunciation. */
  petitioner?: Petitioner;
  /** What the transfer rests on, e.g. "khoản 1 Điều 14 Thông tư số 05/2021/TT-TTCP ngày 01/10/2021 của Thanh tra Chính phủ". */
  legalBasis: string;
  /** Why the addressee is competent, e.g. "nội dung đơn liên quan đến quyết định thu hồi đất do Ủy ban nhân dân tỉnh ban hành". */
  reason: string;
  /** What goes with the slip, e.g. "Đơn và 03 tài liệu kèm theo". */
  attachments?: string;
  recipients?: readonly string[];
}

export interface GuidanceInput {
  issuer: IssuerInfo;
  petitioner: Petitioner;
  case: CaseRef;
  /** Who is competent, e.g. "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh". */
  competentBody: string;
  competentBodyAddress?: string;
  /** Why the đơn is not for the issuer and why it is for the competent body. */
  reason: string;
  legalBasis?: string;
  /** What to send to the competent body. */
  toSend: readonly string[];
  /** Originals sent with the đơn and returned with this letter. */
  returnedDocuments?: readonly string[];
  recipients?: readonly string[];
}

export interface DecisionRef {
  /** "Quyết định giải quyết khiếu nại", "Kết luận nội dung tố cáo"… */
  name: string;
  number: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** "Chủ tịch Ủy ban nhân dân xã Tân Hưng" */
  issuedBy: string;
}

export interface AnswerInput {
  issuer: IssuerInfo;
  petitioner: Petitioner;
  case: CaseRef;
  /** The answer: paragraphs, or one text whose blank lines separate paragraphs. */
  answer: string | readonly string[];
  decision?: DecisionRef;
  /** For complaints: the round just resolved, which decides what the complainant may do next. Default 1. */
  round?: 1 | 2;
  /** Replaces the closing paragraph on the petitioner's further rights. */
  closing?: string;
  recipients?: readonly string[];
}

// ---- Wording shared by the letters -----------------------------------------------------------

const KIND_NOUN: Record<CaseKind, string> = { kien_nghi: 'kiến nghị', phan_anh: 'phản ánh', khieu_nai: 'khiếu nại', to_cao: 'tố cáo' };
const KIND_LABEL: Record<CaseKind, string> = { kien_nghi: 'Kiến nghị', phan_anh: 'Phản ánh', khieu_nai: 'Khiếu nại', to_cao: 'Tố cáo' };

/** How a receipt says the đơn came in. */
const CHANNEL_WORDING: Record<Channel, string> = {
  portal: 'Qua Cổng thông tin điện tử',
  reception: 'Trực tiếp tại nơi tiếp công dân',
  mail: 'Qua dịch vụ bưu chính',
  hotline: 'Qua đường dây nóng',
  transfer: 'Do cơ quan, tổ chức khác chuyển đến',
  dialogue: 'Tại hội nghị tiếp xúc, đối thoại',
  supervision: 'Qua hoạt động giám sát',
  consultation: 'Qua hoạt động lấy ý kiến',
};

/** Luật Tố cáo 2018: the denouncer's right to secrecy (Art 9) and the measures that keep it (Art 56). */
const DENOUNCER_SECRECY = 'Điều 9 và Điều 56 Luật Tố cáo năm 2018';
const DEFAULT_FILE = 'Lưu: VT, hồ sơ đơn';

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
const issuerName = (i: IssuerInfo) => oneLine(i.body);
const salutation = (p: Petitioner) => `${p.honorific?.trim() || 'Ông/Bà'} ${p.name.trim()}`;
const sentence = (s: string) => {
  const t = s.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
};
const paragraph = (text: string): BodyBlock => ({ kind: 'paragraph', text });

function frame(issuer: IssuerInfo): Pick<OfficialDocument, 'layout' | 'parentBody' | 'issuer' | 'number' | 'place' | 'date' | 'signature'> {
  return {
    layout: issuer.layout ?? 'state',
    parentBody: issuer.parentBody,
    issuer: issuer.body,
    number: issuer.documentNumber,
    place: issuer.place,
    date: issuer.date,
    signature: issuer.signer,
  };
}

// ---- Giấy biên nhận ---------------------------------------------------------------------------

/** Giấy biên nhận: confirms to the sender that the đơn and its documents were received, and when to expect an outcome. */
export async function receiptDocument(input: ReceiptInput): Promise<Buffer> {
  const { issuer, case: c } = input;
  const sealed = c.kind === 'to_cao';
  const sender: BodyBlock[] = sealed || !input.petitioner
    ? [paragraph(sealed
      ? `Người gửi đơn được giữ bí mật theo quy định tại ${DENOUNCER_SECRECY}.`
      : 'Người gửi đơn: không ghi họ tên, địa chỉ.')]
    : [
      { kind: 'field', label: 'Người gửi đơn', value: input.petitioner.name.trim() },
      ...(input.petitioner.address ? [{ kind: 'field', label: 'Địa chỉ', value: input.petitioner.address.trim() } as const] : []),
    ];
  const documents: BodyBlock[] = input.documents.length > 0
    ? [
      paragraph('Tài liệu nhận kèm theo đơn:'),
      {
        kind: 'table',
        header: ['STT', 'Tên tài liệu', 'Bản chính/bản sao', 'Số tờ'],
        rows: input.documents.map((d, i) => [String(i + 1), d.name, d.form ?? '', d.sheets === undefined ? '' : String(d.sheets)]),
        widths: [8, 52, 24, 12],
      },
    ]
    : [paragraph('Không có tài liệu kèm theo đơn.')];
  return renderOfficialDocument({
    ...frame(issuer),
    docType: 'Giấy biên nhận',
    summary: 'Tiếp nhận đơn và tài liệu kèm theo',
    body: [
      paragraph(`${issuerName(issuer)} đã tiếp nhận đơn với các thông tin sau:`),
      { kind: 'field', label: 'Số vào sổ', value: c.number },
      { kind: 'field', label: 'Ngày tiếp nhận', value: formatNumericDate(c.receivedOn) },
      { kind: 'field', label: 'Hình thức tiếp nhận', value: CHANNEL_WORDING[c.channel] },
      { kind: 'field', label: 'Loại đơn', value: KIND_LABEL[c.kind] },
      ...sender,
      { kind: 'field', label: 'Nội dung tóm tắt', value: sentence(c.summary) },
      ...documents,
      paragraph(`Đơn sẽ được xem xét, xử lý theo quy định; thời hạn xử lý dự kiến đến ngày ${formatNumericDate(input.handlingDeadline)}. Kết quả xử lý được thông báo cho người gửi đơn theo quy định của pháp luật.`),
      ...(input.trackingCode
        ? [paragraph(`Mã tra cứu: ${input.trackingCode}. Người gửi đơn dùng mã này để theo dõi tình trạng xử lý đơn; đề nghị giữ kín mã tra cứu.`)]
        : []),
    ],
    recipients: input.recipients ?? ['Người gửi đơn', DEFAULT_FILE],
  });
}

// ---- Phiếu chuyển đơn -------------------------------------------------------------------------

/**
 * Phiếu chuyển đơn: sends the đơn to the competent body. For a denunciation the slip carries no trace of the denouncer
 * (Luật Tố cáo Arts 9 and 56): the result comes back to the issuer, which tells the denouncer.
 */
export async function transferDocument(input: TransferInput): Promise<Buffer> {
  const { issuer, case: c } = input;
  const me = issuerName(issuer);
  const to = oneLine(input.to);
  const sealed = c.kind === 'to_cao';
  const received = `Ngày ${formatNumericDate(c.receivedOn)}, ${me} nhận được đơn ${KIND_NOUN[c.kind]}`;
  const intro: BodyBlock[] = sealed
    ? [
      paragraph(`${received} (số vào sổ ${c.number}).`),
      paragraph(`Thông tin về người tố cáo được giữ bí mật theo quy định tại ${DENOUNCER_SECRECY}; đơn và tài liệu chuyển kèm theo đã được loại bỏ họ tên, địa chỉ, bút tích và các thông tin khác có thể xác định người tố cáo.`),
    ]
    : [paragraph(input.petitioner
      ? `${received} của ${salutation(input.petitioner)}${input.petitioner.address ? `, địa chỉ: ${input.petitioner.address.trim()}` : ''} (số vào sổ ${c.number}).`
      : `${received} không ghi họ tên, địa chỉ người gửi (số vào sổ ${c.number}).`)];
  const notify = sealed
    ? `Đề nghị ${to} xem xét, giải quyết theo thẩm quyền và thông báo kết quả cho ${me} để ${me} thông báo cho người tố cáo theo quy định, bảo đảm giữ bí mật thông tin người tố cáo.`
    : `Đề nghị ${to} xem xét, giải quyết theo thẩm quyền và thông báo kết quả cho người gửi đơn, đồng thời thông báo để ${me} được biết.`;
  return renderOfficialDocument({
    ...frame(issuer),
    docType: 'Phiếu chuyển đơn',
    addressee: to,
    body: [
      ...intro,
      { kind: 'field', label: 'Nội dung đơn', value: sentence(c.summary) },
      paragraph(`Căn cứ ${oneLine(input.legalBasis)}, xét thấy ${oneLine(input.reason).replace(/[.;]$/, '')}, ${me} chuyển đơn đến ${to} để xem xét, giải quyết theo thẩm quyền.`),
      paragraph(notify),
      ...(input.attachments ? [{ kind: 'field', label: 'Kèm theo', value: sentence(input.attachments) } as const] : []),
    ],
    recipients: input.recipients ?? ['Như trên', DEFAULT_FILE],
  });
}

// ---- Văn bản hướng dẫn ------------------------------------------------------------------------

/** Văn bản hướng dẫn: tells the sender, once, which body is competent, why, and what to send it. */
export async function guidanceDocument(input: GuidanceInput): Promise<Buffer> {
  const { issuer, case: c, petitioner: p } = input;
  const me = issuerName(issuer);
  const who = salutation(p);
  const competent = oneLine(input.competentBody);
  const body: BodyBlock[] = [
    paragraph(`Ngày ${formatNumericDate(c.receivedOn)}, ${me} nhận được đơn ${KIND_NOUN[c.kind]} của ${who}${p.address ? ` (địa chỉ: ${p.address.trim()})` : ''}, số vào sổ ${c.number}, với nội dung: ${sentence(c.summary)}`),
    paragraph(`Sau khi xem xét, ${me} nhận thấy nội dung đơn không thuộc thẩm quyền giải quyết của ${me}, vì ${sentence(oneLine(input.reason))}`),
    paragraph(`${input.legalBasis ? `Căn cứ ${oneLine(input.legalBasis)}, v` : 'V'}iệc xem xét, giải quyết nội dung đơn thuộc thẩm quyền của ${competent}${input.competentBodyAddress ? ` (địa chỉ: ${input.competentBodyAddress.trim()})` : ''}.`),
    paragraph(`Đề nghị ${who} gửi đơn và các giấy tờ, tài liệu sau đến ${competent} để được xem xét, giải quyết theo quy định của pháp luật:`),
    ...input.toSend.map((item, i) => paragraph(`- ${item.trim().replace(/[.;]$/, '')}${i === input.toSend.length - 1 ? '.' : ';'}`)),
  ];
  if (input.returnedDocuments && input.returnedDocuments.length > 0) {
    body.push(paragraph(`${me} gửi trả lại ${who} các giấy tờ, tài liệu là bản gốc đã gửi kèm theo đơn: ${input.returnedDocuments.map((d) => d.trim().replace(/[.;]$/, '')).join('; ')}.`));
  }
  if (c.kind === 'khieu_nai') {
    body.push(paragraph('Lưu ý: thời hiệu khiếu nại là 90 ngày kể từ ngày nhận được quyết định hành chính hoặc biết được hành vi hành chính bị khiếu nại; thời gian có lý do khách quan không thực hiện được quyền khiếu nại không tính vào thời hiệu (Điều 9 Luật Khiếu nại năm 2011).'));
  }
  body.push(
    paragraph(`${me} chỉ hướng dẫn một lần đối với đơn có cùng nội dung; trường hợp ${who} tiếp tục gửi đơn có cùng nội dung đến ${me}, đơn sẽ được lưu theo quy định.`),
    paragraph(`${me} thông báo để ${who} biết và thực hiện.`),
  );
  return renderOfficialDocument({
    ...frame(issuer),
    letterSubject: 'hướng dẫn gửi đơn đến cơ quan có thẩm quyền',
    addressee: who,
    body,
    recipients: input.recipients ?? ['Như trên', DEFAULT_FILE],
  });
}

// ---- Văn bản trả lời / thông báo kết quả ----------------------------------------------------------

function furtherRights(kind: CaseKind, who: string, round: 1 | 2, me: string): string {
  switch (kind) {
    case 'khieu_nai':
      return round === 1
        ? `Trường hợp không đồng ý với kết quả giải quyết, ${who} có quyền khiếu nại lần hai hoặc khởi kiện vụ án hành chính tại Tòa án theo quy định của Luật Khiếu nại năm 2011 và Luật Tố tụng hành chính năm 2015.`
        : `Trường hợp không đồng ý với kết quả giải quyết, ${who} có quyền khởi kiện vụ án hành chính tại Tòa án theo quy định của Luật Tố tụng hành chính năm 2015.`;
    case 'to_cao':
      return `Trường hợp có căn cứ cho rằng việc giải quyết tố cáo không đúng pháp luật, ${who} có quyền tố cáo tiếp theo quy định tại Điều 9 Luật Tố cáo năm 2018.`;
    default:
      return `${me} trân trọng cảm ơn ${who} đã quan tâm, ${KIND_NOUN[kind]} với cơ quan nhà nước.`;
  }
}

/** Văn bản trả lời (Thông báo kết quả giải quyết tố cáo for a denunciation): the outcome, told to the sender. */
export async function answerDocument(input: AnswerInput): Promise<Buffer> {
  const { issuer, case: c, petitioner: p } = input;
  const me = issuerName(issuer);
  const who = salutation(p);
  const answer = (typeof input.answer === 'string' ? input.answer.split(/\n\s*\n/) : input.answer)
    .map((s) => oneLine(s))
    .filter((s) => s.length > 0);
  const d = input.decision;
  const body: BodyBlock[] = [
    paragraph(`${me} nhận được đơn ${KIND_NOUN[c.kind]} của ${who}${p.address ? ` (địa chỉ: ${p.address.trim()})` : ''}, số vào sổ ${c.number} ngày ${formatNumericDate(c.receivedOn)}, về việc: ${sentence(c.summary)}`),
    ...(d ? [paragraph(`Ngày ${formatNumericDate(d.date)}, ${oneLine(d.issuedBy)} đã ban hành ${d.name.trim()} số ${d.number.trim()} (gửi kèm theo văn bản này).`)] : []),
    paragraph(c.kind === 'to_cao' ? 'Kết quả giải quyết tố cáo như sau:' : 'Kết quả xem xét, giải quyết như sau:'),
    ...answer.map(paragraph),
    paragraph(input.closing ? oneLine(input.closing) : furtherRights(c.kind, who, input.round ?? 1, me)),
    paragraph(`${me} thông báo để ${who} được biết.`),
  ];
  const recipients = input.recipients ?? ['Như trên', DEFAULT_FILE];
  return renderOfficialDocument(c.kind === 'to_cao'
    ? { ...frame(issuer), docType: 'Thông báo', summary: 'Kết quả giải quyết tố cáo', addressee: who, body, recipients }
    : { ...frame(issuer), letterSubject: `trả lời đơn ${KIND_NOUN[c.kind]} của ${who}`, addressee: who, body, recipients });
}
