import { useState } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { FormSubmit } from '../../../components/form-submit.tsx';
import { PageLoadError } from '../../../components/page-problem.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { targetGroupCodes, visitationCategories } from '../../../../domain/target-group.ts';
import { citizensApi } from '../api-client.ts';
import { CitizenOffers } from './citizen-offers.tsx';
import { MatchingProfile } from './matching-profile.tsx';
import { formatDate, formatPeriod } from '../../../app/formats.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { useSubmit } from '../../../components/use-submit.ts';

export function CitizenPage({ citizenId }: { citizenId: number }) {
  const { t, e } = useI18n();
  const { user } = useSession();
  const { data, error, reload } = useLoad(() => citizensApi.get(citizenId), [citizenId]);
  if (error) return <PageLoadError error={error} />;
  if (!data) return <p>{t('loading')}</p>;
  const canWrite = user?.role === 'caseworker';
  return (
    <section>
      <p>
        <a href="#/citizens">← {t('citizens')}</a>
      </p>
      <h1>{data.citizen.name}</h1>
      <dl className="facts">
        <dt>{t('cpr')}</dt>
        <dd>{data.citizen.cprMasked}</dd>
        <dt>{t('birthDate')}</dt>
        <dd>{formatDate(data.citizen.birthDate)}</dd>
        {data.citizen.gender ? (
          <>
            <dt>{t('gender')}</dt>
            <dd>{e(data.citizen.gender)}</dd>
          </>
        ) : null}
        {data.citizen.origin ? (
          <>
            <dt>{t('origin')}</dt>
            <dd>{e(data.citizen.origin)}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t('grants')}</h2>
      {canWrite ? (
        <p>
          <a className="button primary" href={`#/grants/new?citizenId=${citizenId}`}>
            {t('newGrant')}
          </a>
        </p>
      ) : null}
      {data.grants.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable caption={t('grants')} columns={[t('grantType'), t('period'), t('mentor'), t('status'), t('regime')]}>
          {data.grants.map((g) => (
            <tr key={g.id}>
              <td>
                <a href={`#/grants/${g.id}`}>{e(g.type)}</a>
              </td>
              <td>{formatPeriod(g.startDate, g.actualEndDate ?? g.endDate)}</td>
              <td>{g.mentorName ?? '–'}</td>
              <td>
                <span className={`badge badge-${g.status}`}>{e(g.status)}</span>
              </td>
              <td>{g.regime}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>{t('targetGroups')}</h2>
      {data.targetGroups.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable caption={t('targetGroups')} columns={[t('group'), t('visitation'), t('from'), t('to')]}>
          {data.targetGroups.map((s) => (
            <tr key={s.id}>
              <td>{e(s.group)}</td>
              <td>{s.visitation ? e(s.visitation) : '–'}</td>
              <td>{formatDate(s.from)}</td>
              <td>{formatDate(s.to)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {canWrite ? <AddTargetGroup citizenId={citizenId} onAdded={reload} /> : null}
      <CitizenOffers citizenId={citizenId} canWrite={canWrite} />
      {canWrite ? <MatchingProfile citizenId={citizenId} /> : null}
    </section>
  );
}

function AddTargetGroup({ citizenId, onAdded }: { citizenId: number; onAdded: () => void }) {
  const { t } = useI18n();
  const [group, setGroup] = useState<string>(targetGroupCodes[2]);
  const [visitation, setVisitation] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { submit, error } = useSubmit(async () => {
    await citizensApi.addTargetGroup(citizenId, { group, visitation: visitation || null, from, to: to || null });
    setFrom('');
    setTo('');
    onAdded();
  });
  return (
    <details className="card">
      <summary>{t('addTargetGroup')}</summary>
      <form onSubmit={submit} className="grid-form">
        <SelectField id="tg-group" label={t('group')} value={group} onChange={setGroup} options={targetGroupCodes} />
        <SelectField
          id="tg-visitation"
          label={t('visitation')}
          value={visitation}
          onChange={setVisitation}
          options={visitationCategories}
          blank="–"
        />
        <TextField id="tg-from" label={t('from')} type="date" value={from} onChange={setFrom} required />
        <TextField id="tg-to" label={t('to')} type="date" value={to} onChange={setTo} />
        <FormSubmit error={error} />
      </form>
    </details>
  );
}
