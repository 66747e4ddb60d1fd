// Step 1 of the send form: what the resident is sending, each kind with a plain one-line meaning and what the law asks of it.
import { caseKinds, type CaseKind } from '../../api/cases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function KindChoice({ value, onChange, error }: { value: CaseKind | ''; onChange: (kind: CaseKind) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <fieldset id="send-kind" className={error ? 'step field--error' : 'step'} aria-describedby={error ? 'send-kind-error' : 'send-kind-unsure'}>
      <legend>
        <h2 className="step__title">{t('portal.send.step.kind')}</h2>
      </legend>
      {error && (
        <p className="field__error" id="send-kind-error">
          {error}
        </p>
      )}
      <div className="choices">
        {caseKinds.map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name="kind"
              value={kind}
              checked={value === kind}
              onChange={() => onChange(kind)}
              data-testid={`send-kind-${kind}`}
              aria-describedby={`send-kind-${kind}-text`}
            />
            <span className="choice__body">
              <span className="choice__name">{t(`portal.kind.${kind}.name`)}</span>
              <span className="choice__text" id={`send-kind-${kind}-text`}>
                {t(`portal.kind.${kind}.text`)} <em>{t(`portal.kind.${kind}.law`)}</em>
              </span>
            </span>
          </label>
        ))}
      </div>
      <p className="field__hint" id="send-kind-unsure">
        {t('portal.send.kindUnsure')}
      </p>
    </fieldset>
  );
}
