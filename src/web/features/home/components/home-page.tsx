import { api } from '../../../app/http.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { useLoad } from '../../../components/use-load.ts';
import type { GrantSummary } from '../../citizens/api-client.ts';

type MyGrant = GrantSummary & { citizenName: string };

export function HomePage() {
  const { t, e } = useI18n();
  const { user } = useSession();
  const showGrants = user?.role === 'mentor' || user?.role === 'caseworker';
  const grants = useLoad(
    () => (showGrants ? api<{ grants: MyGrant[] }>('GET', '/api/grants?status=approved') : Promise.resolve({ grants: [] as MyGrant[] })),
    [showGrants],
  );
  if (!user) return null;
  const links: { href: string; text: string }[] = [];
  if (['caseworker', 'mentor', 'coordinator', 'admin'].includes(user.role)) links.push({ href: '#/citizens', text: t('citizens') });
  if (['coordinator', 'caseworker', 'manager', 'admin'].includes(user.role)) links.push({ href: '#/mentors', text: t('mentors') });
  if (user.role === 'admin') links.push({ href: '#/regimes', text: t('regimes') }, { href: '#/audit', text: t('auditLog') });
  return (
    <section>
      <h1>
        {t('welcome')}, {user.name}
      </h1>
      <p>
        {e(user.role)} · {user.municipalityName}
      </p>
      <ul className="tiles">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.text}</a>
          </li>
        ))}
      </ul>
      {showGrants ? (
        <>
          <h2>{user.role === 'mentor' ? 'Mine borgere' : 'Aktive bevillinger'}</h2>
          {grants.data && grants.data.grants.length > 0 ? (
            <ul className="grant-list">
              {grants.data.grants.map((g) => (
                <li key={g.id}>
                  <a href={`#/grants/${g.id}`}>
                    <strong>{g.citizenName}</strong> · {e(g.type)}
                  </a>
                  <span>
                    {g.startDate} – {g.endDate}
                  </span>
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
