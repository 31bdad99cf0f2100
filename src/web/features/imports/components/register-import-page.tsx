import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { noCitizenMatchedWarning } from '../../../../domain/register-mappings.ts';
import { registerImportApi, type RegisterImport } from '../api-client.ts';
import { lineErrorText } from '../line-error-text.ts';
import { formatNumber } from '../../../app/formats.ts';

/**
 * Admin page (issue 5): upload a register extract with a layout and a mapping, and watch progress and bad
 * lines. Issue 14: the upload and the import in %, the start button locked while either runs (also when
 * the page is opened while an import of the municipality runs), and a warning when no citizen matched.
 */
export function RegisterImportPage() {
  const { t, language } = useI18n();
  const mappings = useLoad(() => registerImportApi.mappings(), []);
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [layout, setLayout] = useState<'long' | 'wide'>('wide');
  const [mapping, setMapping] = useState('dst');
  const [file, setFile] = useState<File | null>(null);
  const [record, setRecord] = useState<RegisterImport | null>(null);
  const [error, setError] = useState<unknown>(null);
  // An import already running when the page opens (another tab, another coordinator) locks the button too.
  useEffect(() => {
    let alive = true;
    registerImportApi
      .history(1)
      .then(({ imports }) => {
        const running = imports.find((i) => i.status === 'running' && i.kind.startsWith('register:'));
        if (alive && running) return registerImportApi.get(running.id).then((r) => alive && setRecord((current) => current ?? r));
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  const num = (n: number | undefined | null) => formatNumber(n ?? 0);

  useEffect(() => {
    if (!record || record.status !== 'running') return;
    const timer = setTimeout(() => {
      registerImportApi.get(record.id).then(setRecord).catch(setError);
    }, 500);
    return () => clearTimeout(timer);
  }, [record]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    if (busy) return;
    setError(null);
    setRecord(null);
    setUploadPercent(0);
    try {
      const { id } = await registerImportApi.start({ file, layout, mapping }, setUploadPercent);
      setRecord(await registerImportApi.get(id));
    } catch (err) {
      setError(err);
    } finally {
      setUploadPercent(null);
    }
  }

  const badLines = record?.counts.badLines ?? record?.errors.length ?? 0;
  const uploading = uploadPercent !== null;
  const busy = uploading || record?.status === 'running';
  const unverified = (record?.warnings ?? []).some((w) => w !== noCitizenMatchedWarning);
  const noneMatched = (record?.warnings ?? []).includes(noCitizenMatchedWarning);
  return (
    <section>
      <h1>{t('registerImport')}</h1>
      <p>{t('registerImportIntro')}</p>
      <p>
        <a href="#/imports/history">{t('importHistory')}</a>
      </p>
      <form onSubmit={submit} className="grid-form">
        <Field
          id="reg-layout"
          label={t('registerLayout')}
          hint={
            <>
              {t('registerLayoutHint')} <code>{layout === 'wide' ? 'cpr;2015-W01;2015-W02;…' : 'cpr;week;code'}</code>
            </>
          }
        >
          <select
            id="reg-layout"
            aria-describedby="reg-layout-hint"
            value={layout}
            onChange={(ev) => setLayout(ev.target.value === 'long' ? 'long' : 'wide')}
          >
            <option value="wide">{t('registerLayoutWide')}</option>
            <option value="long">{t('registerLayoutLong')}</option>
          </select>
        </Field>
        <Field id="reg-mapping" label={t('registerMapping')}>
          <select id="reg-mapping" value={mapping} onChange={(ev) => setMapping(ev.target.value)}>
            {(mappings.data?.mappings ?? []).map((m) => (
              <option key={m.id} value={m.key ?? String(m.id)}>
                {m.name}
                {m.verified ? '' : ` (${t('registerMappingUnverified')})`}
              </option>
            ))}
          </select>
        </Field>
        <Field id="reg-file" label={t('registerFile')}>
          <input id="reg-file" type="file" accept=".csv,text/csv" required onChange={(ev) => setFile(ev.target.files?.[0] ?? null)} />
        </Field>
        <button type="submit" className="primary" disabled={!file || busy} aria-describedby={busy ? 'reg-locked' : undefined}>
          {t('registerStart')}
        </button>
        {busy ? (
          <p id="reg-locked" className="hint">
            {t('registerImportLocked')}
          </p>
        ) : null}
      </form>
      {uploading ? (
        <div className="field">
          <label htmlFor="reg-upload-progress">
            {t('registerUploading')}: {uploadPercent} %
          </label>
          <progress id="reg-upload-progress" max={100} value={uploadPercent} />
        </div>
      ) : null}
      <ErrorMessage error={error ?? mappings.error} />
      {record?.status === 'running' ? (
        <div className="field">
          <p role="status">
            {record.progress?.phase === 'merging' ? t('registerMerging') : t('registerRunning')} {t('registerLinesRead')}:{' '}
            {num(record.linesRead)}
            {record.progress ? ` · ${record.progress.percent} %` : ''}
          </p>
          {record.progress ? (
            <progress
              aria-label={`${t('registerImportProgress')} ${record.progress.percent} %`}
              max={100}
              value={record.progress.percent}
            />
          ) : null}
        </div>
      ) : null}
      {noneMatched ? (
        <p className="alert alert-warning" role="alert">
          {t('registerNoCitizenMatched')}
        </p>
      ) : null}
      {unverified ? <p className="alert alert-warning">{t('registerUnverifiedWarning')}</p> : null}
      {record?.status === 'done' ? (
        <div className="card" role="status">
          <p>{t('registerDone')}</p>
          <dl>
            <dt>{t('registerLinesRead')}</dt>
            <dd>{num(record.counts.lines)}</dd>
            <dt>{t('registerSpells')}</dt>
            <dd>{num(record.counts.spells)}</dd>
            <dt>{t('registerCitizens')}</dt>
            <dd>{num(record.counts.citizens)}</dd>
            <dt>{t('registerUnknownCitizens')}</dt>
            <dd>{num(record.counts.unknownCitizens)}</dd>
          </dl>
        </div>
      ) : null}
      {record?.status === 'failed' ? (
        <div className="alert alert-error" role="alert">
          <p>{t('registerFailed')}</p>
          <h2>{t('registerBadLines')}</h2>
          <ul>
            {record.errors.map((e, i) => (
              <li key={i}>
                {t('registerLine')} {e.line}: {lineErrorText(language, e)}
              </li>
            ))}
          </ul>
          {badLines > record.errors.length ? (
            <p>
              + {num(badLines - record.errors.length)} {t('registerMoreBadLines')}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
