// Form pieces of the portal: a labelled text box or text area with its hint, its error and an optional character counter,
// and the alert that lists what to fix.
import type { ReactNode, RefObject } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Hides the "(bắt buộc)" / "(không bắt buộc)" mark, for forms where every box is needed. */
  noMark?: boolean;
  maxLength?: number;
  /** Shows "n/max ký tự" under the box. */
  counter?: boolean;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'email' | 'tel' | 'search';
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  autoComplete?: string;
  autoCapitalize?: string;
  spellCheck?: boolean;
  testId: string;
}

/** A field's hint and error under its label, with the ids its input's aria-describedby points at. */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: ReactNode }) {
  return (
    <>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField(props: TextFieldProps) {
  const { t } = useI18n();
  const { id, error, hint, counter, maxLength } = props;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`, counter && `${id}-count`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: props.value,
    maxLength,
    className: props.multiline ? 'input input--area' : 'input',
    autoComplete: props.autoComplete ?? 'off',
    spellCheck: props.spellCheck,
    'aria-invalid': error ? true : undefined,
    'aria-required': props.required || undefined,
    'aria-describedby': describedBy,
    'data-testid': props.testId,
  } as const;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {props.label}
        {!props.noMark && <span className="field__mark">{props.required ? t('portal.form.required') : t('portal.form.optional')}</span>}
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 6} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoCapitalize={props.autoCapitalize}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {counter && maxLength && (
        <p className="field__count" id={`${id}-count`}>
          {t('portal.form.count', { n: props.value.length, max: maxLength })}
        </p>
      )}
    </div>
  );
}

export interface Problem {
  /** The message from the server (problem+json detail) or ours. */
  message: string;
  /** Field errors to list as links: [element id, message]. */
  list?: [string, string][];
}

/** The alert above a form: what went wrong, and links that move focus to each box to fix. */
export function ProblemAlert({ problem, innerRef, testId, children }: { problem: Problem; innerRef?: RefObject<HTMLDivElement | null>; testId: string; children?: ReactNode }) {
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={innerRef} data-testid={testId}>
      <p className="alert__title">{problem.message}</p>
      {problem.list && problem.list.length > 0 && (
        <ul>
          {problem.list.map(([target, message]) => (
            <li key={target + message}>
              <a
                href={`#${target}`}
                onClick={(event) => {
                  const element = document.getElementById(target);
                  if (!element) return;
                  event.preventDefault();
                  // A fieldset is not focusable: its first control is.
                  const focusable = element.matches('input, select, textarea, button')
                    ? element
                    : element.querySelector<HTMLElement>('input, select, textarea, button');
                  element.scrollIntoView({ block: 'center' });
                  focusable?.focus({ preventScroll: true });
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
