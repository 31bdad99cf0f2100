import { useI18n } from '../../../app/i18n.tsx';
import { PageLoadError } from '../../../components/page-problem.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { grantsApi } from '../api-client.ts';

/** The written agreement as a printable page (print CSS hides navigation). */
export function AgreementPage({ grantId }: { grantId: number }) {
  const { t } = useI18n();
  const { data, error } = useLoad(() => grantsApi.agreement(grantId), [grantId]);
  if (error) return <PageLoadError error={error} />;
  if (!data) return <p>{t('loading')}</p>;
  return (
    <article className="agreement">
      <p className="no-print">
        <a href={`#/grants/${grantId}`}>← {t('back')}</a>{' '}
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>{' '}
        <a className="button" href={`/api/grants/${grantId}/agreement.pdf`} download>
          {t('downloadPdf')}
        </a>
      </p>
      {/* The agreement is the citizen's document: Danish, whatever the page's language (like its PDF). */}
      <div lang="da">
        <p className="sender">{data.municipalityName}</p>
        <h1>{data.title}</h1>
        <p>
          {data.citizen.name}, CPR {data.citizen.cprMasked}
        </p>
        {data.sections.map((s) => (
          <section key={s.heading}>
            <h2>{s.heading}</h2>
            {s.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </section>
        ))}
        {data.signatures && data.signatures.length > 0 ? (
          <section className="signatures" aria-labelledby="agreement-signatures">
            <h2 id="agreement-signatures">Underskrifter</h2>
            {data.signatures.map((s) => (
              <div key={s.party} className="signature-row">
                <p className="signature-line">Dato</p>
                <p className="signature-line">
                  Underskrift, {s.label.toLowerCase()}
                  {s.name ? ` (${s.name})` : ''}
                </p>
              </div>
            ))}
          </section>
        ) : null}
      </div>
    </article>
  );
}
