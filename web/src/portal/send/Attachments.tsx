// Step 4 of the send form: photos (straight from the camera on a phone) and PDFs, at most five, shrunk before upload,
// shown as thumbnails that can be removed one by one.
import { useEffect, useRef, useState } from 'react';
import { randomId } from '../../api/publicCases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatBytes, MAX_FILE_BYTES, MAX_FILES, prepareFile } from './images.ts';

export interface Attachment {
  id: string;
  file: File;
  /** Object URL of an image, for its thumbnail. */
  preview: string | null;
}

interface Props {
  files: Attachment[];
  onChange: (update: (files: Attachment[]) => Attachment[]) => void;
  error?: string;
}

export function Attachments({ files, onChange, error }: Props) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const latest = useRef(files);
  latest.current = files;

  // Thumbnails' object URLs are released when the page goes away.
  useEffect(() => () => latest.current.forEach((a) => a.preview && URL.revokeObjectURL(a.preview)), []);

  const add = async (list: FileList | null, input: HTMLInputElement) => {
    const chosen = [...(list ?? [])];
    input.value = '';
    if (chosen.length === 0) return;
    const problems: string[] = [];
    const room = MAX_FILES - latest.current.length;
    if (chosen.length > room) problems.push(t('portal.send.files.tooMany', { max: MAX_FILES }));
    setBusy(true);
    const added: Attachment[] = [];
    for (const original of chosen.slice(0, Math.max(0, room))) {
      if (!original.type.startsWith('image/') && original.type !== 'application/pdf') {
        problems.push(t('portal.send.files.wrongType', { name: original.name }));
        continue;
      }
      const file = await prepareFile(original);
      if (file.size > MAX_FILE_BYTES) {
        problems.push(t('portal.send.files.tooBig', { name: original.name }));
        continue;
      }
      added.push({ id: randomId(), file, preview: file.type.startsWith('image/') ? URL.createObjectURL(file) : null });
    }
    setBusy(false);
    setNotes(problems);
    if (added.length) onChange((current) => [...current, ...added].slice(0, MAX_FILES));
  };

  const remove = (target: Attachment, index: number) => {
    if (target.preview) URL.revokeObjectURL(target.preview);
    onChange((current) => current.filter((a) => a.id !== target.id));
    setNotes([]);
    // Keep the keyboard in the list: the next file's button, else the previous one's, else the chooser.
    requestAnimationFrame(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>('[data-file-remove]');
      (buttons[index] ?? buttons[index - 1] ?? document.getElementById('send-files'))?.focus();
    });
  };

  const full = files.length >= MAX_FILES;
  const describedBy = ['send-files-hint', error && 'send-files-error'].filter(Boolean).join(' ');

  return (
    <section className="step" aria-labelledby="send-step-files">
      <h2 className="step__title" id="send-step-files">
        {t('portal.send.step.files')}
      </h2>
      <p className="field__hint" id="send-files-hint">
        {t('portal.send.files.hint', { max: MAX_FILES })}
      </p>
      {error && (
        <p className="field__error" id="send-files-error">
          {error}
        </p>
      )}
      {!full && (
        <div className="file-buttons">
          <span className="file-button">
            <input
              id="send-camera"
              className="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              disabled={busy}
              aria-describedby={describedBy}
              data-testid="send-camera"
              onChange={(e) => add(e.target.files, e.target)}
            />
            <label htmlFor="send-camera" className="button button--secondary">
              {t('portal.send.files.camera')}
            </label>
          </span>
          <span className="file-button">
            <input
              id="send-files"
              className="visually-hidden"
              type="file"
              accept="image/*,application/pdf"
              multiple
              disabled={busy}
              aria-describedby={describedBy}
              data-testid="send-files"
              onChange={(e) => add(e.target.files, e.target)}
            />
            <label htmlFor="send-files" className="button button--secondary">
              {t('portal.send.files.choose')}
            </label>
          </span>
        </div>
      )}
      <p className="field__status" role="status" aria-live="polite" data-testid="send-files-status">
        {busy ? t('portal.send.files.preparing') : full ? t('portal.send.files.full', { max: MAX_FILES }) : ''}
      </p>
      {notes.length > 0 && (
        <ul className="field__error notes" data-testid="send-files-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="thumbs" aria-label={t('portal.send.files.listLabel', { count: files.length, max: MAX_FILES })} data-testid="send-file-list">
          {files.map((a, index) => (
            <li key={a.id} className="thumb">
              {a.preview ? (
                <img src={a.preview} alt="" className="thumb__image" />
              ) : (
                <span className="thumb__image thumb__image--doc" aria-hidden="true">
                  PDF
                </span>
              )}
              <span className="thumb__name">{a.file.name}</span>
              <span className="thumb__size">{formatBytes(a.file.size, lang)}</span>
              <button
                type="button"
                className="button button--quiet thumb__remove"
                data-file-remove=""
                data-testid={`send-file-remove-${index}`}
                aria-label={t('portal.send.files.removeLabel', { name: a.file.name })}
                onClick={() => remove(a, index)}
              >
                {t('portal.send.files.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
