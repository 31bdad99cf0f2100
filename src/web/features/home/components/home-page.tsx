import { useI18n, type TextKey } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { homeApi, type MyGrants, type Worklist } from '../api-client.ts';
import { formatDate, formatPeriod } from '../../../app/formats.ts';
import { MyCitizensToday } from './my-citizens-today.tsx';
import { DataTable } from '../../../components/data-table.tsx';

export type MyGrant = MyGrants['grants'][number];
export type { WorklistItem } from '../api-client.ts';

const kindText: Record<string, TextKey> = {
  period_ending: 'wlPeriodEnding',
  decision_overdue: 'wlDecisionOverdue',
  follow_up_missing: 'wlFollowUpMissing',
  contact_missing: 'wlContactMissing',
  hours_shortfall: 'wlHoursShortfall',
  my_citizen: 'wlMyCitizen',
  contact_due: 'wlContactDue',
  grant_without_mentor: 'wlGrantWithoutMentor',
  mentor_over_capacity: 'wlMentorOverCapacity',
  measurement_due: 'wlMeasurementDue',
};

export function HomePage() {
  const { t, e } = useI18n();
  const { user } = useSession();
  const showGrants = user?.role === 'mentor' || user?.role === 'caseworker';
  const showWorklist = user?.role === 'mentor' || user?.role === 'caseworker' || user?.role === 'coordinator';
  const worklist = useLoad(
    () => (showWorklist ? homeApi.worklist() : Promise.resolve<Pick<Worklist, 'items'>>({ items: [] })),
    [showWorklist],
  );
  const grants = useLoad(() => (showGrants ? homeApi.myApprovedGrants() : Promise.resolve<MyGrants>({ grants: [] })), [showGrants]);
  if (!user) return null;
  const links: { href: string; text: string }[] = [];
  if (['caseworker', 'mentor', 'coordinator', 'admin'].includes(user.role)) links.push({ href: '#/citizens', text: t('citizens') });
  if (['coordinator', 'caseworker', 'manager', 'admin'].includes(user.role)) links.push({ href: '#/mentors', text: t('mentors') });
  if (user.role === 'admin') links.push({ href: '#/regimes', text: t('regimes') }, { href: '#/audit', text: t('auditLog') });
  const isMentor = user.role === 'mentor';
  return (
    <section>
      {isMentor ? (
        // A mentor's phone view (issue 14): today's citizens and the contact form first, one screen.
        <>
          <h1>{t('myCitizensToday')}</h1>
          <p className="hint">
            {t('welcome')}, {user.name} · {user.municipalityName}
          </p>
          {grants.data && worklist.data ? (
            <MyCitizensToday grants={grants.data.grants} worklist={worklist.data.items} />
          ) : (
            <p>{t('loading')}</p>
          )}
        </>
      ) : (
        <>
          <h1>
            {t('welcome')}, {user.name}
          </h1>
          <p>
            {e(user.role)} · {user.municipalityName}
          </p>
        </>
      )}
      <ul className="tiles">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.text}</a>
          </li>
        ))}
      </ul>
      {showWorklist ? (
        <>
          <h2>{t('worklist')}</h2>
          {worklist.data && worklist.data.items.filter((i) => i.kind !== 'my_citizen').length > 0 ? (
            <DataTable
              className="worklist"
              caption={t('worklist')}
              columns={[t('worklistTask'), t('worklistCitizen'), t('worklistDue'), t('details')]}
            >
              {worklist.data.items
                .filter((i) => i.kind !== 'my_citizen')
                .map((i, index) => (
                  <tr key={`${i.kind}-${i.grantId}-${index}`}>
                    <td>
                      {kindText[i.kind] ? t(kindText[i.kind]!) : i.kind}
                      {i.rule ? <small> ({i.rule})</small> : null}
                    </td>
                    <td>{i.grantId ? <a href={`#/grants/${i.grantId}`}>{i.citizenName}</a> : '–'}</td>
                    <td>{formatDate(i.dueDate)}</td>
                    {/* Written by the server's rules in Danish (TODO(#14): English worklist texts). */}
                    <td lang="da">{i.message}</td>
                  </tr>
                ))}
            </DataTable>
          ) : (
            <p>{worklist.data ? t('worklistNone') : t('loading')}</p>
          )}
        </>
      ) : null}
      {showGrants ? (
        <>
          <h2>{user.role === 'mentor' ? t('myCitizens') : t('activeGrants')}</h2>
          {grants.data && grants.data.grants.length > 0 ? (
            <ul className="grant-list">
              {grants.data.grants.map((g) => (
                <li key={g.id}>
                  <a href={`#/grants/${g.id}`}>
                    <strong>{g.citizenName}</strong> · {e(g.type)}
                  </a>
                  <span>{formatPeriod(g.startDate, g.actualEndDate ?? g.endDate)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('none')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
