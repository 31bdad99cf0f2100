import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';

export function HomePage() {
  const { t, e } = useI18n();
  const { user } = useSession();
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
    </section>
  );
}
