// The petition-handling letters: what each one says, and that a denunciation's papers never carry the denouncer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerDocument,
  guidanceDocument,
  receiptDocument,
  transferDocument,
  type CaseRef,
  type IssuerInfo,
  type Petitioner,
} from './cases.documents.ts';
import { documentXml, paragraphs, plainText, runStyle, unzip } from '../../testing/docx.ts';

const issuer: IssuerInfo = {
  parentBody: 'Ủy ban nhân dân tỉnh Bắc Ninh',
  body: 'Ủy ban nhân dân xã Tân Hưng',
  documentNumber: '12/PCĐ-UBND',
  place: 'Tân Hưng',
  date: '2026-02-05',
  signer: { authority: ['TM. Ủy ban nhân dân', 'KT. Chủ tịch'], title: 'Phó Chủ tịch', name: 'Trần Thị Bình' },
};
const petitioner: Petitioner = { name: 'Nguyễn Văn An', address: 'Thôn Đông, xã Tân Hưng', honorific: 'Ông' };
const complaint: CaseRef = {
  number: '125/2026',
  kind: 'khieu_nai',
  receivedOn: '2026-02-03',
  summary: 'Khiếu nại quyết định thu hồi đất nông nghiệp tại thôn Đông',
};
const denunciation: CaseRef = {
  number: '131/2026',
  kind: 'to_cao',
  receivedOn: '2026-02-04',
  summary: 'Tố cáo cán bộ địa chính nhận tiền để hợp thức hóa hồ sơ đất đai',
};
const denouncer: Petitioner = { name: 'Phạm Thị Dung', address: 'Xóm Giếng Đá, thôn Tây', honorific: 'Bà' };

/** Every text part of the package (document, headers, core properties…), to prove something appears nowhere. */
function allText(docx: Buffer): string {
  return [...unzip(docx).values()].map((b) => b.toString('utf8')).join('\n');
}

/** The layout every letter shares: A4, NĐ 30 margins, Times New Roman, "Số:" and the italic date line. */
function assertStateFrame(xml: string, number = issuer.documentNumber): void {
  assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(xml, /<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  assert.match(xml, /w:ascii="Times New Roman"/);
  assert.ok(paragraphs(xml).includes(`Số: ${number}`));
  const date = runStyle(xml, 'Tân Hưng, ngày 05 tháng 02 năm 2026');
  assert.ok(date?.italic, 'italic date line');
  assert.ok(paragraphs(xml).includes('ỦY BAN NHÂN DÂN\nXÃ TÂN HƯNG'));
  assert.ok(paragraphs(xml).includes('Trần Thị Bình'));
}

test('the receipt lists the case, the sender, the documents received and the expected deadline', async () => {
  const xml = documentXml(await receiptDocument({
    issuer: { ...issuer, documentNumber: '15/GBN-UBND' },
    case: { ...complaint, channel: 'reception' },
    petitioner,
    documents: [{ name: 'Đơn khiếu nại', form: 'Bản chính', sheets: 2 }, { name: 'Quyết định số 45/QĐ-UBND', form: 'Bản sao', sheets: 3 }],
    handlingDeadline: '2026-02-17',
    trackingCode: 'TH-7K3M-9Q2P',
  }));
  assertStateFrame(xml, '15/GBN-UBND');
  const text = paragraphs(xml);
  for (const line of [
    'GIẤY BIÊN NHẬN',
    'Số vào sổ: 125/2026',
    'Ngày tiếp nhận: 03/02/2026',
    'Hình thức tiếp nhận: Trực tiếp tại nơi tiếp công dân',
    'Loại đơn: Khiếu nại',
    'Người gửi đơn: Nguyễn Văn An',
    'Địa chỉ: Thôn Đông, xã Tân Hưng',
    'Nội dung tóm tắt: Khiếu nại quyết định thu hồi đất nông nghiệp tại thôn Đông.',
    'Quyết định số 45/QĐ-UBND',
    'Bản sao',
  ]) assert.ok(text.includes(line), line);
  const all = plainText(xml);
  assert.match(all, /dự kiến đến ngày 17\/02\/2026/);
  assert.match(all, /Mã tra cứu: TH-7K3M-9Q2P/);
  assert.match(all, /- Người gửi đơn;\n- Lưu: VT, hồ sơ đơn\./);
});

test('the receipt of a denunciation says the sender is kept secret and never prints the name it was given', async () => {
  const docx = await receiptDocument({
    issuer,
    case: { ...denunciation, channel: 'mail' },
    petitioner: denouncer,
    documents: [],
    handlingDeadline: '2026-02-13',
  });
  const xml = documentXml(docx);
  assert.match(plainText(xml), /Người gửi đơn được giữ bí mật theo quy định tại Điều 9 và Điều 56 Luật Tố cáo năm 2018\./);
  assert.ok(paragraphs(xml).includes('Loại đơn: Tố cáo'));
  assert.ok(paragraphs(xml).includes('Không có tài liệu kèm theo đơn.'));
  for (const secret of ['Phạm Thị Dung', 'Xóm Giếng Đá']) assert.ok(!allText(docx).includes(secret), secret);
});

test('the transfer slip sends a complaint to the competent body and asks it to tell the sender', async () => {
  const xml = documentXml(await transferDocument({
    issuer,
    to: 'Ủy ban nhân dân tỉnh Bắc Ninh',
    case: complaint,
    petitioner,
    legalBasis: 'Thông tư số 05/2021/TT-TTCP',
    reason: 'quyết định bị khiếu nại do Ủy ban nhân dân tỉnh ban hành',
    attachments: 'Đơn và 02 tài liệu kèm theo',
  }));
  assertStateFrame(xml);
  const text = paragraphs(xml);
  assert.ok(text.includes('PHIẾU CHUYỂN ĐƠN'));
  assert.ok(text.includes('Kính gửi: Ủy ban nhân dân tỉnh Bắc Ninh'));
  const all = plainText(xml);
  assert.match(all, /Ngày 03\/02\/2026, Ủy ban nhân dân xã Tân Hưng nhận được đơn khiếu nại của Ông Nguyễn Văn An, địa chỉ: Thôn Đông, xã Tân Hưng \(số vào sổ 125\/2026\)\./);
  assert.match(all, /Nội dung đơn: Khiếu nại quyết định thu hồi đất/);
  assert.match(all, /Căn cứ Thông tư số 05\/2021\/TT-TTCP, xét thấy quyết định bị khiếu nại do Ủy ban nhân dân tỉnh ban hành, Ủy ban nhân dân xã Tân Hưng chuyển đơn đến Ủy ban nhân dân tỉnh Bắc Ninh/);
  assert.match(all, /thông báo kết quả cho người gửi đơn/);
  assert.match(all, /Kèm theo: Đơn và 02 tài liệu kèm theo\./);
  assert.match(all, /- Như trên;\n- Lưu: VT, hồ sơ đơn\./);
});

test('the transfer slip of a denunciation keeps the denouncer out of every part of the file', async () => {
  const docx = await transferDocument({
    issuer,
    to: 'Ủy ban nhân dân tỉnh Bắc Ninh',
    case: denunciation,
    petitioner: denouncer,
    legalBasis: 'khoản 1 Điều 14 Thông tư số 05/2021/TT-TTCP',
    reason: 'người bị tố cáo do Ủy ban nhân dân tỉnh quản lý',
  });
  const everything = allText(docx);
  for (const secret of ['Phạm Thị Dung', 'Xóm Giếng Đá', 'Giếng Đá']) assert.ok(!everything.includes(secret), secret);
  const all = plainText(documentXml(docx));
  assert.match(all, /nhận được đơn tố cáo \(số vào sổ 131\/2026\)\./);
  assert.match(all, /Thông tin về người tố cáo được giữ bí mật theo quy định tại Điều 9 và Điều 56 Luật Tố cáo năm 2018/);
  assert.match(all, /thông báo kết quả cho Ủy ban nhân dân xã Tân Hưng để Ủy ban nhân dân xã Tân Hưng thông báo cho người tố cáo/);
  assert.match(all, /Nội dung đơn: Tố cáo cán bộ địa chính/);
});

test('the guidance letter names the competent body, says why and what to send, once', async () => {
  const xml = documentXml(await guidanceDocument({
    issuer: { ...issuer, documentNumber: '48/UBND-TCD' },
    petitioner,
    case: complaint,
    competentBody: 'Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh',
    competentBodyAddress: 'số 10 đường Phù Đổng Thiên Vương',
    reason: 'quyết định bị khiếu nại do Ủy ban nhân dân tỉnh ban hành',
    legalBasis: 'Điều 21 Luật Khiếu nại năm 2011',
    toSend: ['Đơn khiếu nại có chữ ký', 'Bản sao quyết định bị khiếu nại.'],
    returnedDocuments: ['Giấy chứng nhận quyền sử dụng đất (bản chính)'],
  }));
  assertStateFrame(xml, '48/UBND-TCD');
  const text = paragraphs(xml);
  assert.ok(text.includes('V/v hướng dẫn gửi đơn đến cơ quan có thẩm quyền'));
  assert.equal(runStyle(xml, 'V/v hướng dẫn gửi đơn đến cơ quan có thẩm quyền')?.size, 12);
  assert.ok(text.includes('Kính gửi: Ông Nguyễn Văn An'));
  assert.ok(text.includes('- Đơn khiếu nại có chữ ký;'));
  assert.ok(text.includes('- Bản sao quyết định bị khiếu nại.'));
  const all = plainText(xml);
  assert.match(all, /không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã Tân Hưng, vì quyết định bị khiếu nại do Ủy ban nhân dân tỉnh ban hành\./);
  assert.match(all, /Căn cứ Điều 21 Luật Khiếu nại năm 2011, việc xem xét, giải quyết nội dung đơn thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh \(địa chỉ: số 10 đường Phù Đổng Thiên Vương\)\./);
  assert.match(all, /gửi trả lại Ông Nguyễn Văn An .*Giấy chứng nhận quyền sử dụng đất \(bản chính\)\./);
  assert.match(all, /thời hiệu khiếu nại là 90 ngày/);
  assert.match(all, /chỉ hướng dẫn một lần/);
  assert.ok(!text.some((t) => /^(PHIẾU|GIẤY|THÔNG BÁO)/.test(t)), 'an official letter has no title block');
});

test('the answer gives the outcome paragraph by paragraph, the decision, and what the complainant may do next', async () => {
  const input = {
    issuer: { ...issuer, documentNumber: '61/UBND-VP' },
    petitioner,
    case: complaint,
    answer: 'Đoạn thứ nhất của câu trả lời.\n\nĐoạn thứ hai,\nviết trên hai dòng.',
    decision: { name: 'Quyết định giải quyết khiếu nại', number: '15/QĐ-UBND', date: '2026-02-20', issuedBy: 'Chủ tịch Ủy ban nhân dân xã Tân Hưng' },
  };
  const xml = documentXml(await answerDocument(input));
  assertStateFrame(xml, '61/UBND-VP');
  const text = paragraphs(xml);
  assert.ok(text.includes('V/v trả lời đơn khiếu nại của Ông Nguyễn Văn An'));
  assert.ok(text.includes('Kính gửi: Ông Nguyễn Văn An'));
  assert.ok(text.includes('Đoạn thứ nhất của câu trả lời.'));
  assert.ok(text.includes('Đoạn thứ hai, viết trên hai dòng.'));
  const all = plainText(xml);
  assert.match(all, /số vào sổ 125\/2026 ngày 03\/02\/2026, về việc: Khiếu nại quyết định thu hồi đất/);
  assert.match(all, /Ngày 20\/02\/2026, Chủ tịch Ủy ban nhân dân xã Tân Hưng đã ban hành Quyết định giải quyết khiếu nại số 15\/QĐ-UBND/);
  assert.match(all, /có quyền khiếu nại lần hai hoặc khởi kiện vụ án hành chính/);

  const second = plainText(documentXml(await answerDocument({ ...input, round: 2 })));
  assert.doesNotMatch(second, /khiếu nại lần hai/);
  assert.match(second, /có quyền khởi kiện vụ án hành chính/);
});

test('the answer to a denunciation is a notice of the result; to a recommendation, a thank-you', async () => {
  const notice = paragraphs(documentXml(await answerDocument({ issuer, petitioner: denouncer, case: denunciation, answer: ['Nội dung tố cáo là đúng một phần.'] })));
  assert.ok(notice.includes('THÔNG BÁO'));
  assert.ok(notice.includes('Kết quả giải quyết tố cáo'));
  assert.ok(notice.some((t) => /có quyền tố cáo tiếp/.test(t)));

  const thanks = plainText(documentXml(await answerDocument({
    issuer,
    petitioner: { name: 'Vũ Thị Hoa' },
    case: { ...complaint, kind: 'kien_nghi', summary: 'đề nghị sửa đường liên thôn' },
    answer: 'Đường sẽ được sửa trong tháng 4.',
  })));
  assert.match(thanks, /V\/v trả lời đơn kiến nghị của Ông\/Bà Vũ Thị Hoa/);
  assert.match(thanks, /trân trọng cảm ơn Ông\/Bà Vũ Thị Hoa/);
});

test('a Party body gets the Party layout', async () => {
  const xml = documentXml(await answerDocument({
    issuer: { ...issuer, layout: 'party', parentBody: 'Đảng bộ tỉnh Bắc Ninh', body: 'Ban Dân vận Đảng ủy xã Tân Hưng', documentNumber: '05-CV/BDV' },
    petitioner,
    case: { ...complaint, kind: 'phan_anh' },
    answer: 'Đã chuyển ý kiến đến chi bộ thôn.',
  }));
  const text = paragraphs(xml);
  assert.ok(text.includes('ĐẢNG CỘNG SẢN VIỆT NAM'));
  assert.ok(text.includes('Số 05-CV/BDV'));
  assert.ok(!text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
});
