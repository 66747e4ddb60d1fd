// The letters of a case as .docx (receipt, transfer slip, guidance, answer), filled from the case and its log.
// Number and signer are left for the office to complete: numbers are given after signing (NĐ 30/2020).
import { can, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { todayVN } from '../../platform/clock.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { getUnit } from '../units/index.ts';
import { organisationsCovering } from '../organisations/index.ts';
import { officialsHolding } from '../accounts/index.ts';
import * as repo from './cases.repository.ts';
import { getCase } from './cases.service.ts';
import { openIdentity } from './cases.identity.ts';
import { dueBy } from './cases.deadlines.ts';
import { answerDocument, guidanceDocument, receiptDocument, transferDocument, type IssuerInfo, type Petitioner } from './cases.documents.ts';
import { CASE_UNSEAL, intakeRule, type Channel, type Kind } from './cases.workflow.ts';
import type { CaseRow } from './cases.tables.ts';

export type LetterKind = 'receipt' | 'transfer' | 'guidance' | 'answer';

const SYMBOL: Record<LetterKind, string> = { receipt: 'BN-UBND', transfer: 'PC-UBND', guidance: 'UBND-TCD', answer: 'UBND-TCD' };

async function issuerFor(ctx: AppContext, c: CaseRow, letter: LetterKind, signerName: string): Promise<IssuerInfo> {
  const view = await getUnit(ctx, c.responsibleUnitCode);
  const unit = view!.unit;
  const orgs = await organisationsCovering(ctx, unit.path);
  const ubnd = orgs.find((o) => o.unitPath === unit.path && o.kind === 'ubnd');
  const body = ubnd?.name ?? `Ủy ban nhân dân ${unit.name}`;
  const place = unit.shortName;
  // Left blank before the slash: the office writes the number in when the letter is signed.
  const documentNumber = `      /${SYMBOL[letter]}`;
  const signer = letter === 'receipt'
    ? { authority: ['Người tiếp nhận'], name: signerName }
    : { authority: ['TM. Ủy ban nhân dân', 'Chủ tịch'], name: signerName };
  return { body, place, date: todayVN(), documentNumber, signer };
}

/** Builds one letter; letters that name a denouncer are made only for a handler of the responsible unit, and audited. */
export async function caseLetter(ctx: AppContext, actor: Actor, id: string, letter: LetterKind, ip?: string): Promise<Outcome<{ file: Buffer; name: string }>> {
  const found = await getCase(ctx, actor, id);
  if (!found.ok) return found;
  const c = found.value;
  const events = await repo.eventsOf(ctx.database.db, id);
  const caseRef = { number: c.number, kind: c.kind as Kind, receivedOn: c.receivedOn, summary: c.title };
  const leaders = await officialsHolding(ctx, 'leader', c.responsibleUnitPath, true);
  const head = leaders[0]?.fullName ?? '';

  let petitioner: Petitioner | undefined = c.petitioner?.name ? { name: c.petitioner.name, address: c.petitioner.address } : undefined;
  const namesPerson = letter === 'guidance' || letter === 'answer';
  if (c.confidential && namesPerson) {
    const handlerHere = actor.grants.some((g) => g.role === 'handler' && g.unitPath === c.responsibleUnitPath);
    if (!handlerHere || !can(actor, CASE_UNSEAL, { unitPath: c.responsibleUnitPath })) {
      return denied('forbidden', { action: CASE_UNSEAL, unitPath: c.responsibleUnitPath, unitCode: c.responsibleUnitCode, targetType: 'case', targetId: id });
    }
    const identity = await openIdentity(ctx, ctx.database.db, id);
    petitioner = identity?.name ? { name: identity.name, address: identity.address } : undefined;
    await recordAudit(ctx.database.db, {
      action: 'case.identity.unsealed', actorId: actor.userId, actorName: actor.username, unitCode: c.responsibleUnitCode, unitPath: c.responsibleUnitPath,
      targetType: 'case', targetId: id, ip, detail: { number: c.number, reason: `Lập văn bản: ${letter}` },
    });
  }
  const nameless: Petitioner = { name: 'người gửi đơn' };
  let file: Buffer;
  switch (letter) {
    case 'receipt':
      file = await receiptDocument({
        issuer: await issuerFor(ctx, c, letter, actor.fullName), case: { ...caseRef, channel: c.channel as Channel },
        petitioner: c.confidential ? undefined : petitioner, documents: [{ name: `Đơn ${c.title}`, form: 'Bản chính' }],
        handlingDeadline: (await dueBy(ctx, intakeRule(c.kind as Kind, c.complex), c.receivedOn)).dueOn,
      });
      break;
    case 'transfer': {
      const t = [...events].reverse().find((e) => e.type === 'transferred');
      if (!t) return fail('transition_not_allowed', { action: 'lập phiếu chuyển', kind: c.kind, state: c.state });
      file = await transferDocument({
        issuer: await issuerFor(ctx, c, letter, head), to: String(t.data.toAgency ?? t.data.toUnitCode ?? ''), case: caseRef,
        petitioner: c.confidential ? undefined : petitioner, legalBasis: 'Thông tư số 05/2021/TT-TTCP ngày 01/10/2021 của Thanh tra Chính phủ',
        reason: t.reason ?? 'nội dung đơn không thuộc thẩm quyền giải quyết của cơ quan',
      });
      break;
    }
    case 'guidance': {
      const g = [...events].reverse().find((e) => e.type === 'guided');
      if (!g) return fail('transition_not_allowed', { action: 'lập văn bản hướng dẫn', kind: c.kind, state: c.state });
      file = await guidanceDocument({
        issuer: await issuerFor(ctx, c, letter, head), petitioner: petitioner ?? nameless, case: caseRef,
        competentBody: String(g.data.competentBody ?? ''), reason: g.reason ?? '', toSend: ['Đơn có chữ ký hoặc điểm chỉ của người gửi', 'Giấy tờ, tài liệu liên quan (bản sao)'],
      });
      break;
    }
    case 'answer': {
      if (!c.answer) return fail('transition_not_allowed', { action: 'lập văn bản trả lời', kind: c.kind, state: c.state });
      const d = [...events].reverse().find((e) => e.type === 'decided');
      file = await answerDocument({
        issuer: await issuerFor(ctx, c, letter, head), petitioner: petitioner ?? nameless, case: caseRef, answer: c.answer, round: c.round === 2 ? 2 : 1,
        decision: d ? { name: c.kind === 'to_cao' ? 'Kết luận nội dung tố cáo' : 'Quyết định giải quyết khiếu nại', number: String(d.data.decisionNumber), date: String(d.data.decidedOn), issuedBy: (await issuerFor(ctx, c, letter, head)).body } : undefined,
      });
      break;
    }
  }
  return ok({ file, name: `${letter}-${c.number.replace('/', '-')}.docx` });
}
