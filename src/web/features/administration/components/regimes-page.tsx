import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { administrationApi, type Regime } from '../api-client.ts';
import { formatPeriod } from '../../../app/formats.ts';
import { StatusNote } from '../../../components/status-note.tsx';

/** Legal regimes as data (domain spec §8.3); admins edit validity and parameters, others read. */
export function RegimesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { data, error, reload } = useLoad(() => administrationApi.regimes(), []);
  return (
    <section>
      <h1>{t('regimes')}</h1>
      <ErrorMessage error={error} />
      {(data?.regimes ?? []).map((r) => (
        <RegimeCard
          key={r.id}
          regime={r}
          editable={user?.role === 'admin'}
          mayReportChanges={user?.role === 'caseworker'}
          onSaved={reload}
        />
      ))}
    </section>
  );
}

function RegimeCard({
  regime,
  editable,
  mayReportChanges,
  onSaved,
}: {
  regime: Regime;
  editable: boolean;
  mayReportChanges: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [validFrom, setValidFrom] = useState(regime.validFrom);
  const [validTo, setValidTo] = useState(regime.validTo ?? '');
  const [json, setJson] = useState(JSON.stringify(regime.parameters, null, 2));
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  /** Checks the JSON, then asks once more (issue 14): a saved regime applies at once to every grant in its period. */
  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setProblems([]);
    setSaved(false);
    try {
      setPending(JSON.parse(json));
    } catch {
      setProblems(['JSON']);
    }
  }
  async function save(parameters: unknown) {
    setPending(undefined);
    setBusy(true);
    try {
      await administrationApi.updateRegime(regime.id, { validFrom, validTo: validTo || null, parameters });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
      const details = (err as { details?: { errors?: string[] } }).details;
      setProblems(details?.errors ?? []);
    } finally {
      setBusy(false);
    }
  }
  const id = regime.id.replace(/[^a-zA-Z0-9]/g, '');
  const draft = regime.parameters.draft === true;
  return (
    <details className="card" open={draft}>
      <summary>
        <strong>{regime.id}</strong> – {regime.name} ({formatPeriod(regime.validFrom, regime.validTo)})
        {draft ? <strong className="badge badge-draft">{t('regimeNotConfirmed')}</strong> : null}
      </summary>
      {draft ? (
        <p className="alert alert-warning" role="status">
          {t('regimeDraftExplained')}
        </p>
      ) : null}
      {draft && mayReportChanges ? (
        <p>
          <a href={`#/regimes/${encodeURIComponent(regime.id)}/changes`}>{t('regimeChangesLink')}</a>
        </p>
      ) : null}
      {draft && editable ? <ConfirmRegimeForm regime={regime} onConfirmed={onSaved} /> : null}
      <form onSubmit={submit}>
        <div className="row">
          <Field id={`r-${id}-from`} label={t('validFrom')}>
            <input
              id={`r-${id}-from`}
              type="date"
              value={validFrom}
              onChange={(ev) => setValidFrom(ev.target.value)}
              disabled={!editable}
            />
          </Field>
          <Field id={`r-${id}-to`} label={t('validTo')}>
            <input id={`r-${id}-to`} type="date" value={validTo} onChange={(ev) => setValidTo(ev.target.value)} disabled={!editable} />
          </Field>
        </div>
        <Field id={`r-${id}-params`} label={t('parameters')}>
          <textarea
            id={`r-${id}-params`}
            className="code"
            rows={14}
            value={json}
            onChange={(ev) => setJson(ev.target.value)}
            readOnly={!editable}
            spellCheck={false}
          />
        </Field>
        {problems.length > 0 ? (
          <ul className="alert alert-error" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : (
          <ErrorMessage error={error} />
        )}
        <StatusNote text={saved && t('saved')} />
        {editable ? (
          <button type="submit" className="primary" disabled={busy}>
            {t('save')}
          </button>
        ) : null}
      </form>
      <ConfirmDialog
        open={pending !== undefined}
        question={t('regimeSaveQuestion')}
        details={
          <p>
            {regime.id} – {regime.name}
          </p>
        }
        confirmLabel={t('regimeSaveConfirm')}
        onConfirm={() => void save(pending)}
        onCancel={() => setPending(undefined)}
      />
    </details>
  );
}

/** R-REG-2: an admin confirms a draft regime with a note naming its source (e.g. the law's number). */
function ConfirmRegimeForm({ regime, onConfirmed }: { regime: Regime; onConfirmed: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const id = regime.id.replace(/[^a-zA-Z0-9]/g, '');
  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setAsking(true);
  }
  async function confirm() {
    setAsking(false);
    setBusy(true);
    try {
      await administrationApi.confirmRegime(regime.id, note);
      onConfirmed();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="card-section">
      <h2>{t('regimeConfirmHeading')}</h2>
      <p>{t('regimeConfirmExplained')}</p>
      <Field id={`r-${id}-note`} label={t('regimeConfirmNote')}>
        <input id={`r-${id}-note`} value={note} onChange={(ev) => setNote(ev.target.value)} required maxLength={500} />
      </Field>
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy || note.trim() === ''}>
        {t('regimeConfirmButton')}
      </button>
      <ConfirmDialog
        open={asking}
        question={t('regimeConfirmQuestion')}
        details={
          <p>
            {regime.id} – {note}
          </p>
        }
        confirmLabel={t('regimeConfirmConfirm')}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
    </form>
  );
}
