// The optional map point of the send form: the phone's current position (navigator.geolocation), shown as numbers;
// no map library and no tiles, so nothing heavy is loaded.
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'got'; accuracy: number | null } | { kind: 'failed'; key: string };

// The intake accepts points inside Vietnam's bounding box only.
const inVietnam = (lat: number, lng: number) => lat >= 8 && lat <= 24 && lng >= 102 && lng <= 110;

export function Location({ lat, lng, onChange, error }: { lat: number | null; lng: number | null; onChange: (lat: number | null, lng: number | null) => void; error?: string }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const locate = () => {
    setStatus({ kind: 'busy' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { latitude, longitude, accuracy } = position.coords;
        if (!inVietnam(latitude, longitude)) {
          setStatus({ kind: 'failed', key: 'portal.send.location.outside' });
          return;
        }
        onChange(Math.round(latitude * 1e6) / 1e6, Math.round(longitude * 1e6) / 1e6);
        setStatus({ kind: 'got', accuracy: Number.isFinite(accuracy) ? Math.round(accuracy) : null });
      },
      (failure) => {
        const key =
          failure.code === failure.PERMISSION_DENIED
            ? 'portal.send.location.denied'
            : failure.code === failure.TIMEOUT
              ? 'portal.send.location.timeout'
              : 'portal.send.location.unavailable';
        setStatus({ kind: 'failed', key });
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const number = (x: number) => x.toLocaleString(lang, { minimumFractionDigits: 5, maximumFractionDigits: 6 });
  let message = '';
  if (status.kind === 'busy') message = t('portal.send.location.busy');
  else if (status.kind === 'failed') message = t(status.key);

  return (
    <div className="field" id="send-location" data-testid="send-location">
      <p className="field__label">
        {t('portal.send.location.label')}
        <span className="field__mark">{t('portal.form.optional')}</span>
      </p>
      <p className="field__hint">{t('portal.send.location.hint')}</p>
      {error && <p className="field__error">{error}</p>}
      {lat !== null && lng !== null ? (
        <div className="picked">
          <p className="picked__name" data-testid="send-location-value">
            {t('portal.send.location.got', { lat: number(lat), lng: number(lng) })}
            {status.kind === 'got' && status.accuracy !== null && (
              <span className="picked__place">{t('portal.send.location.accuracy', { m: status.accuracy })}</span>
            )}
          </p>
          <button
            type="button"
            className="button button--quiet"
            data-testid="send-location-remove"
            onClick={() => {
              onChange(null, null);
              setStatus({ kind: 'idle' });
            }}
          >
            {t('portal.send.location.remove')}
          </button>
        </div>
      ) : supported ? (
        <button type="button" className="button button--secondary" onClick={locate} disabled={status.kind === 'busy'} data-testid="send-location-use">
          {t('portal.send.location.use')}
        </button>
      ) : (
        <p>{t('portal.send.location.unsupported')}</p>
      )}
      <p className={status.kind === 'failed' ? 'field__status error' : 'field__status'} role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
