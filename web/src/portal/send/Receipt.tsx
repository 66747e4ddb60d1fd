// The screen after a case is received: the tracking code and secret in large type, the receipt as a PNG to keep,
// and the way to follow the case.
import { useEffect, useRef, useState } from 'react';
import type { PublicReceipt } from '../../api/publicCases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../shared/format.ts';
import { kindLabel } from '../labels.ts';
import { navigate, paths, usePageTitle } from '../router.tsx';
import { downloadReceipt } from './receiptImage.ts';

const storageKey = 'cn.portal.lastReceipt';

/** The last receipt stays for this tab only (sessionStorage), so a reload does not lose the codes. */
export function keepReceipt(receipt: PublicReceipt | null): void {
  try {
    if (receipt) sessionStorage.setItem(storageKey, JSON.stringify(receipt));
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Not kept; still shown.
  }
}

export function keptReceipt(): PublicReceipt | null {
  try {
    const raw = sessionStorage.getItem(storageKey);
    const receipt = raw ? (JSON.parse(raw) as PublicReceipt) : null;
    return receipt && typeof receipt.trackingCode === 'string' && typeof receipt.secret === 'string' ? receipt : null;
  } catch {
    return null;
  }
}

export function Receipt({ receipt, onAnother }: { receipt: PublicReceipt; onAnother: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [saving, setSaving] = useState<'idle' | 'busy' | 'failed'>('idle');
  usePageTitle(t('portal.receipt.heading'));

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const trackHref = `${paths.track}?ma=${encodeURIComponent(receipt.trackingCode)}`;
  const trackUrl = `${window.location.origin}${paths.track}`;

  const save = async () => {
    setSaving('busy');
    try {
      await downloadReceipt(receipt, t, trackUrl);
      setSaving('idle');
    } catch {
      setSaving('failed');
    }
  };

  return (
    <div className="container page receipt" data-testid="receipt">
      <h1 ref={heading} tabIndex={-1}>
        {t('portal.receipt.heading')}
      </h1>
      <p className="lead">{t('portal.receipt.intro', { kind: kindLabel(t, receipt.kind, receipt.kindName).toLowerCase() })}</p>

      <div className="codes">
        <div className="code-box">
          <p className="code-box__label" id="receipt-code-label">
            {t('portal.receipt.code')}
          </p>
          <p className="code-box__value" aria-labelledby="receipt-code-label" data-testid="receipt-code">
            {receipt.trackingCode}
          </p>
        </div>
        <div className="code-box">
          <p className="code-box__label" id="receipt-secret-label">
            {t('portal.receipt.secret')}
          </p>
          <p className="code-box__value" aria-labelledby="receipt-secret-label" data-testid="receipt-secret">
            {receipt.secret}
          </p>
        </div>
      </div>
      <p className="notice notice--warn">{t('portal.receipt.keepBoth')}</p>

      <div className="actions">
        <button type="button" className="button" onClick={save} disabled={saving === 'busy'} data-testid="receipt-download">
          {saving === 'busy' ? t('portal.receipt.downloading') : t('portal.receipt.download')}
        </button>
        <a
          className="button button--secondary"
          href={trackHref}
          data-testid="receipt-track"
          onClick={(event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            // The secret goes along in history state, never in the address.
            event.preventDefault();
            navigate(trackHref, { state: { secret: receipt.secret } });
          }}
        >
          {t('portal.receipt.track')}
        </a>
      </div>
      {saving === 'failed' && (
        <p className="error" role="alert">
          {t('portal.receipt.downloadFailed')}
        </p>
      )}

      <dl className="facts facts--wide" data-testid="receipt-facts">
        <div>
          <dt>{t('portal.receipt.caseNumber')}</dt>
          <dd>{receipt.caseNumber}</dd>
        </div>
        <div>
          <dt>{t('portal.receipt.receivedOn')}</dt>
          <dd>{formatDay(receipt.receivedOn)}</dd>
        </div>
        <div>
          <dt>{t('portal.receipt.kind')}</dt>
          <dd>{kindLabel(t, receipt.kind, receipt.kindName)}</dd>
        </div>
        <div>
          <dt>{t('portal.receipt.unit')}</dt>
          <dd>{receipt.receivingUnit.name}</dd>
        </div>
        <div className="facts__full">
          <dt>{t('portal.receipt.title')}</dt>
          <dd>{receipt.title}</dd>
        </div>
        <div className="facts__full">
          <dt>{t('portal.receipt.dueOn')}</dt>
          <dd>
            {receipt.dueOn ? formatDay(receipt.dueOn) : t('portal.receipt.dueLater')}
            {receipt.dueOn && receipt.dueOnLunar && <span className="lunar"> ({receipt.dueOnLunar})</span>}
          </dd>
        </div>
        {receipt.attachments > 0 && (
          <div className="facts__full">
            <dt>{t('portal.receipt.attachments')}</dt>
            <dd>{t('portal.receipt.attachmentCount', { count: receipt.attachments })}</dd>
          </div>
        )}
      </dl>
      {receipt.emailQueued && <p className="notice">{t('portal.receipt.emailed')}</p>}
      <p>
        <button type="button" className="link-button" onClick={onAnother} data-testid="receipt-another">
          {t('portal.receipt.another')}
        </button>
      </p>
    </div>
  );
}
