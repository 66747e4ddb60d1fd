// Writes one sample of each petition-handling letter and one Party-layout document to a folder, to look at them.
// Usage: npx node scripts/render-docx-samples.ts <folder>
// Then, e.g.: cd <folder> && libreoffice --headless --convert-to pdf *.docx && for f in *.pdf; do pdftoppm -png -r 60 "$f" "${f%.pdf}"; done
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOfficialDocument } from '../src/platform/documents.ts';
import {
  answerDocument,
  guidanceDocument,
  receiptDocument,
  transferDocument,
  type IssuerInfo,
} from '../src/modules/cases/cases.documents.ts';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npx node scripts/render-docx-samples.ts <folder>');
  process.exit(2);
}
mkdirSync(folder, { recursive: true });

const commune = (documentNumber: string, date: string): IssuerInfo => ({
  parentBody: 'Ủy ban nhân dân tỉnh Bắc Ninh',
  body: 'Ủy ban nhân dân xã Tân Hưng',
  documentNumber,
  place: 'Tân Hưng',
  date,
  signer: { authority: ['TM. Ủy ban nhân dân', 'KT. Chủ tịch'], title: 'Phó Chủ tịch', name: 'Trần Thị Bình' },
});

const samples: Record<string, Promise<Buffer>> = {
  '1-giay-bien-nhan': receiptDocument({
    issuer: {
      ...commune('15/GBN-UBND', '2026-02-05'),
      signer: { authority: ['Người tiếp nhận'], name: 'Lê Văn Cường' },
    },
    case: {
      number: '125/2026',
      kind: 'khieu_nai',
      receivedOn: '2026-02-05',
      channel: 'reception',
      summary: 'Khiếu nại Quyết định số 45/QĐ-UBND ngày 10/01/2026 về việc thu hồi 120 m² đất nông nghiệp tại thôn Đông',
    },
    petitioner: { name: 'Nguyễn Văn An', address: 'Thôn Đông, xã Tân Hưng, tỉnh Bắc Ninh', honorific: 'Ông' },
    documents: [
      { name: 'Đơn khiếu nại đề ngày 03/02/2026', form: 'Bản chính', sheets: 2 },
      { name: 'Quyết định số 45/QĐ-UBND ngày 10/01/2026', form: 'Bản sao', sheets: 3 },
      { name: 'Giấy chứng nhận quyền sử dụng đất', form: 'Bản sao', sheets: 2 },
    ],
    handlingDeadline: '2026-02-26',
    trackingCode: 'TH-7K3M-9Q2P',
  }),
  '2-phieu-chuyen-don-to-cao': transferDocument({
    issuer: commune('12/PCĐ-UBND', '2026-02-09'),
    to: 'Ủy ban nhân dân tỉnh Bắc Ninh',
    case: {
      number: '131/2026',
      kind: 'to_cao',
      receivedOn: '2026-02-06',
      summary: 'Tố cáo cán bộ Sở Tài nguyên và Môi trường nhận tiền để hợp thức hóa hồ sơ cấp giấy chứng nhận quyền sử dụng đất',
    },
    petitioner: { name: 'Phạm Thị Dung', address: 'Thôn Tây, xã Tân Hưng', honorific: 'Bà' },
    legalBasis: 'khoản 1 Điều 14 Thông tư số 05/2021/TT-TTCP ngày 01/10/2021 của Thanh tra Chính phủ',
    reason: 'người bị tố cáo là công chức thuộc Sở do Ủy ban nhân dân tỉnh quản lý',
    attachments: 'Đơn tố cáo (đã loại bỏ thông tin người tố cáo) và 02 tài liệu kèm theo',
  }),
  '3-van-ban-huong-dan': guidanceDocument({
    issuer: { ...commune('48/UBND-TCD', '2026-02-10') },
    petitioner: { name: 'Hoàng Văn Em', address: 'Thôn Bắc, xã Tân Hưng, tỉnh Bắc Ninh', honorific: 'Ông' },
    case: {
      number: '127/2026',
      kind: 'khieu_nai',
      receivedOn: '2026-02-05',
      summary: 'khiếu nại Quyết định số 210/QĐ-STNMT ngày 15/12/2025 của Sở Tài nguyên và Môi trường về việc xử phạt vi phạm hành chính',
    },
    competentBody: 'Giám đốc Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh',
    competentBodyAddress: 'số 11 đường Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh',
    reason: 'quyết định bị khiếu nại do Sở Tài nguyên và Môi trường (nay là Sở Nông nghiệp và Môi trường) ban hành; người giải quyết khiếu nại lần đầu là người đứng đầu cơ quan đã ban hành quyết định',
    legalBasis: 'Điều 20 Luật Khiếu nại năm 2011',
    toSend: [
      'Đơn khiếu nại ghi rõ ngày, tháng, năm; họ tên, địa chỉ, có chữ ký của người khiếu nại',
      'Bản sao Quyết định số 210/QĐ-STNMT ngày 15/12/2025',
      'Các tài liệu, chứng cứ liên quan đến nội dung khiếu nại (nếu có)',
    ],
    returnedDocuments: ['Biên bản vi phạm hành chính ngày 01/12/2025 (bản chính)'],
  }),
  '4-van-ban-tra-loi': answerDocument({
    issuer: {
      ...commune('61/UBND-VP', '2026-03-12'),
      signer: { authority: ['TM. Ủy ban nhân dân'], title: 'Chủ tịch', name: 'Đỗ Minh Giang' },
    },
    petitioner: { name: 'Vũ Thị Hoa', address: 'Thôn Nam, xã Tân Hưng, tỉnh Bắc Ninh', honorific: 'Bà' },
    case: {
      number: '140/2026',
      kind: 'kien_nghi',
      receivedOn: '2026-02-20',
      summary: 'đề nghị sửa chữa đoạn đường liên thôn Nam – Đông bị sụt lún sau mùa mưa',
    },
    answer: [
      'Ngày 25/02/2026, Ủy ban nhân dân xã đã giao công chức Địa chính - Xây dựng phối hợp với Trưởng thôn Nam kiểm tra hiện trạng. Kết quả kiểm tra cho thấy đoạn đường dài khoảng 150 m bị sụt lún cục bộ tại 03 vị trí, ảnh hưởng đến việc đi lại của Nhân dân.',
      'Ủy ban nhân dân xã đã bố trí kinh phí từ nguồn sự nghiệp giao thông năm 2026 để sửa chữa; dự kiến thi công từ ngày 01/4/2026 và hoàn thành trước ngày 30/4/2026. Trong thời gian chờ thi công, thôn Nam đã đặt biển cảnh báo tại các vị trí sụt lún.',
    ],
  }),
};

const party = renderOfficialDocument({
  layout: 'party',
  parentBody: 'Đảng bộ tỉnh Bắc Ninh',
  issuer: 'Đảng ủy xã Tân Hưng',
  number: '27-QĐ/ĐU',
  place: 'Tân Hưng',
  date: '2026-01-08',
  docType: 'Quy định',
  summary: 'về công tác dân vận của hệ thống chính trị xã',
  body: [
    { kind: 'paragraph', text: 'Căn cứ Điều lệ Đảng; Quy định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị về công tác dân vận của hệ thống chính trị;' },
    { kind: 'paragraph', text: 'Ban Chấp hành Đảng bộ xã quy định về công tác dân vận của hệ thống chính trị xã như sau:' },
    { kind: 'heading', text: 'Chương I', centred: true },
    { kind: 'heading', text: 'QUY ĐỊNH CHUNG', centred: true },
    { kind: 'heading', text: 'Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng' },
    { kind: 'paragraph', text: 'Quy định này quy định trách nhiệm, nội dung và phương thức công tác dân vận của tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trên địa bàn xã.' },
    {
      kind: 'table',
      header: ['STT', 'Tổ chức', 'Đầu mối'],
      rows: [['1', 'Đảng ủy xã', 'Văn phòng Đảng ủy'], ['2', 'Ủy ban nhân dân xã', 'Văn phòng - Thống kê'], ['3', 'Ủy ban MTTQ Việt Nam xã', 'Ban Thường trực']],
      widths: [8, 50, 42],
    },
  ],
  signature: { authority: ['T/M Ban Chấp hành'], title: 'Bí thư', name: 'Nguyễn Hữu Khánh' },
  recipients: ['Ban Thường vụ Tỉnh ủy (để báo cáo)', 'Các chi bộ trực thuộc', 'Lưu Văn phòng Đảng ủy'],
});

for (const [name, buf] of Object.entries({ ...samples, '5-dang-quy-dinh': party })) {
  const file = join(folder, `${name}.docx`);
  writeFileSync(file, await buf);
  console.log(file);
}
