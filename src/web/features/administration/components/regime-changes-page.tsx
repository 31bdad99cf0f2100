import { useI18n } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { formatDate } from '../../../app/formats.ts';
import { administrationApi } from '../api-client.ts';

/**
 * R-REG-3: the running grants and citizens whose mentor type, mentor right or target group changes on the
 * start date of a new regime (the 2027 act), so the caseworker can act before it. Confirmed or not, the
 * page says which.
 */
export function RegimeChangesPage({ regimeId }: { regimeId: string }) {
  const { t, e, rule } = useI18n();
  const { data, error } = useLoad(() => administrationApi.regimeChanges(regimeId), [regimeId]);
  return (
    <section>
      <p>
        <a href="#/regimes">← {t('regimes')}</a>
      </p>
      <h1>{data ? `${t('regimeChangesHeading')} ${formatDate(data.regime.validFrom)}` : t('regimeChangesHeading')}</h1>
      <ErrorMessage error={error} />
      {data ? (
        <>
          <p>
            {data.regime.name}.{' '}
            {data.regime.confirmed ? t('regimeConfirmed') : <strong className="badge badge-draft">{t('regimeNotConfirmed')}</strong>}
          </p>
          {data.grants.length === 0 ? (
            <p className="ok">{t('regimeChangesNone')}</p>
          ) : (
            <table>
              <caption>
                {data.grants.length} {t('regimeChangesCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('regimeChangesCitizen')}</th>
                  <th scope="col">{t('grantType')}</th>
                  <th scope="col">{t('period')}</th>
                  <th scope="col">{t('regimeChangesWhat')}</th>
                </tr>
              </thead>
              <tbody>
                {data.grants.map((g) => (
                  <tr key={g.grantId}>
                    <td>
                      <a href={`#/citizens/${g.citizenId}`}>{g.citizenName}</a>
                    </td>
                    <td>
                      <a href={`#/grants/${g.grantId}`}>{e(g.type)}</a>
                    </td>
                    <td>
                      {formatDate(g.startDate)} – {formatDate(g.endDate)}
                    </td>
                    <td>
                      <ul className="findings">
                        {g.changes.map((c) => (
                          <li key={c.kind} className="finding finding-warning" data-rule={c.rule}>
                            <strong>
                              {c.rule} · {rule(c.rule)}
                            </strong>
                            <span lang="da">{c.message}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </section>
  );
}
