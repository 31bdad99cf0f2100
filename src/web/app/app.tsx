import { useEffect, useRef, useState, type ReactNode } from 'react';
import { AuditPage } from '../features/administration/components/audit-page.tsx';
import { ChangePasswordPage } from '../features/login/components/change-password-page.tsx';
import { RegimeChangesPage } from '../features/administration/components/regime-changes-page.tsx';
import { RegimesPage } from '../features/administration/components/regimes-page.tsx';
import { SettingsPage } from '../features/administration/components/settings-page.tsx';
import { UsersPage } from '../features/administration/components/users-page.tsx';
import { CitizenPage } from '../features/citizens/components/citizen-page.tsx';
import { CitizensPage } from '../features/citizens/components/citizens-page.tsx';
import { CohortReportsPage } from '../features/reports/components/cohort-reports-page.tsx';
import { PassiveCitizensPage } from '../features/reports/components/passive-citizens-page.tsx';
import { FollowUpReportPage } from '../features/follow-up/components/follow-up-report-page.tsx';
import { InstrumentsPage } from '../features/follow-up/components/instruments-page.tsx';
import { EffectPage } from '../features/effect/components/effect-page.tsx';
import { InvoicesPage } from '../features/economy/components/invoices-page.tsx';
import { EconomyPage } from '../features/economy/components/economy-page.tsx';
import { AgreementPage } from '../features/grants/components/agreement-page.tsx';
import { GrantPage } from '../features/grants/components/grant-page.tsx';
import { GrantWizard } from '../features/grants/components/grant-wizard.tsx';
import { HomePage } from '../features/home/components/home-page.tsx';
import { ImportHistoryPage } from '../features/imports/components/import-history-page.tsx';
import { RegisterImportPage } from '../features/imports/components/register-import-page.tsx';
import { LoginPage } from '../features/login/components/login-page.tsx';
import { MentorsPage } from '../features/registers/components/mentors-page.tsx';
import { ProvidersPage } from '../features/registers/components/providers-page.tsx';
import { PageProblem } from '../components/page-problem.tsx';
import { I18nProvider, useI18n, type TextKey } from './i18n.tsx';
import { match, useRoute } from './router.ts';
import { SessionProvider, useSession, type User } from './session.tsx';
import { keepTableCellsLabelled } from './table-cards.ts';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <ShellInLanguage />
      </SessionProvider>
    </I18nProvider>
  );
}

/** The pages are rendered afresh when the language changes, so every date and number takes its new format (formats.ts). */
function ShellInLanguage() {
  const { language } = useI18n();
  return <Shell key={language} />;
}

const navItems: { path: string; key: TextKey; roles: User['role'][] }[] = [
  { path: '/', key: 'home', roles: ['caseworker', 'mentor', 'coordinator', 'manager', 'admin'] },
  { path: '/citizens', key: 'citizens', roles: ['caseworker', 'mentor', 'coordinator', 'admin'] },
  { path: '/mentors', key: 'mentors', roles: ['caseworker', 'mentor', 'coordinator', 'manager', 'admin'] },
  { path: '/providers', key: 'providers', roles: ['caseworker', 'coordinator', 'manager', 'admin'] },
  { path: '/regimes', key: 'regimes', roles: ['caseworker', 'coordinator', 'manager', 'admin'] },
  // One entry for the report pages; they share a sub-navigation (ReportsNav).
  { path: '/reports/cohort', key: 'reports', roles: ['caseworker', 'coordinator', 'manager', 'admin'] },
  { path: '/effect', key: 'effect', roles: ['caseworker', 'coordinator', 'manager', 'admin'] },
  { path: '/economy', key: 'economy', roles: ['coordinator', 'manager', 'admin'] },
  { path: '/invoices', key: 'invoices', roles: ['caseworker', 'coordinator', 'manager'] },
  { path: '/imports/register', key: 'registerImport', roles: ['coordinator', 'manager', 'admin'] },
  { path: '/audit', key: 'auditLog', roles: ['admin'] },
  { path: '/users', key: 'users', roles: ['admin'] },
  { path: '/settings', key: 'settings', roles: ['admin'] },
];

function Shell() {
  const { user, loading, logOut } = useSession();
  const { t, e, language, setLanguage } = useI18n();
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  // On a phone the main menu is folded behind one button (issue 14); opened on one page, it is folded again
  // on the next (it remembers the page it was opened on).
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === route.path;
  useEffect(() => {
    mainRef.current?.focus();
  }, [route.path]);
  // Below 600 px tables become cards labelled with their column headings (table-cards.ts).
  useEffect(() => (mainRef.current ? keepTableCellsLabelled(mainRef.current) : undefined), [user, loading]);
  // WCAG 2.4.2: every page has its own title — its main heading, kept current as the page loads.
  useEffect(() => {
    const main = mainRef.current;
    const update = () => {
      const heading = main?.querySelector('h1')?.textContent?.trim();
      const title = heading ? `${heading} – Mentorspor` : 'Mentorspor';
      if (document.title !== title) document.title = title;
    };
    update();
    if (!main) return;
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [route.path, user, loading]);
  if (loading) return <p className="loading">{t('loading')}</p>;
  const header = (
    <header className="topbar">
      <a
        className="skip-link"
        href="#content"
        onClick={(ev) => {
          ev.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <span className="brand">Mentorspor</span>
      {user ? <span className="muni">{user.municipalityName}</span> : null}
      <span className="spacer" />
      <button
        type="button"
        className="link-button"
        onClick={() => setLanguage(language === 'da' ? 'en' : 'da')}
        lang={language === 'da' ? 'en' : 'da'}
      >
        {t('language')}
      </button>
      {user ? (
        <>
          <span className="who">
            {user.name} ({e(user.role)})
          </span>
          <button type="button" className="link-button" onClick={() => void logOut()}>
            {t('logout')}
          </button>
        </>
      ) : null}
    </header>
  );
  if (!user) {
    return (
      <>
        {header}
        <main id="content" ref={mainRef} tabIndex={-1}>
          <LoginPage />
        </main>
      </>
    );
  }
  if (user.mustChangePassword) {
    return (
      <>
        {header}
        <main id="content" ref={mainRef} tabIndex={-1}>
          <ChangePasswordPage />
        </main>
      </>
    );
  }
  return (
    <>
      {header}
      <nav aria-label={t('mainMenu')} className="mainnav">
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-menu"
          onClick={() => setMenuOpenOn(menuOpen ? null : route.path)}
        >
          {t('menu')}
        </button>
        <ul id="main-menu" className={menuOpen ? 'open' : undefined}>
          {navItems
            .filter((n) => n.roles.includes(user.role))
            .map((n) => {
              const active =
                n.path === '/'
                  ? route.path === '/'
                  : n.key === 'reports'
                    ? route.path.startsWith('/reports/')
                    : n.key === 'registerImport'
                      ? route.path.startsWith('/imports/')
                      : route.path.startsWith(n.path);
              return (
                <li key={n.path}>
                  <a href={`#${n.path}`} aria-current={active ? 'page' : undefined}>
                    {t(n.key)}
                  </a>
                </li>
              );
            })}
        </ul>
      </nav>
      <main id="content" ref={mainRef} tabIndex={-1}>
        {mayOpen(user.role, route.path) ? <Page path={route.path} query={route.query} /> : <PageProblem kind="forbidden" />}
      </main>
    </>
  );
}

/**
 * The pages behind a menu entry — its address, the addresses under it, and the other report or import pages
 * beside it — are open to the roles of that entry; others get a page that says so (issue 14).
 */
function mayOpen(role: User['role'], path: string): boolean {
  const section = (p: string) => (/^\/(reports|imports)\//.test(p) ? p.split('/')[1]! : null);
  const entry = navItems.find(
    (n) =>
      n.path !== '/' && (path === n.path || path.startsWith(`${n.path}/`) || (section(path) !== null && section(path) === section(n.path))),
  );
  return entry ? entry.roles.includes(role) : true;
}

function Page({ path, query }: { path: string; query: URLSearchParams }): ReactNode {
  let params: Record<string, string> | null;
  if (path === '/') return <HomePage />;
  if (path === '/citizens') return <CitizensPage query={query} />;
  if ((params = match('/citizens/:id', path))) return <CitizenPage citizenId={Number(params.id)} />;
  if (path === '/grants/new')
    return (
      <GrantWizard
        citizenId={Number(query.get('citizenId'))}
        previousGrantId={query.get('previous') ? Number(query.get('previous')) : null}
      />
    );
  if ((params = match('/grants/:id/agreement', path))) return <AgreementPage grantId={Number(params.id)} />;
  if ((params = match('/grants/:id/edit', path)))
    return <GrantWizard citizenId={Number(query.get('citizenId'))} previousGrantId={null} editGrantId={Number(params.id)} />;
  if ((params = match('/grants/:id', path))) return <GrantPage grantId={Number(params.id)} />;
  if (path === '/mentors') return <MentorsPage />;
  if (path === '/providers') return <ProvidersPage />;
  if (path === '/regimes') return <RegimesPage />;
  if ((params = match('/regimes/:id/changes', path))) return <RegimeChangesPage regimeId={params.id!} />;
  if (path === '/economy') return <EconomyPage />;
  if (path === '/effect') return <EffectPage />;
  if (path === '/invoices') return <InvoicesPage />;
  if (path === '/reports/passive')
    return (
      <>
        <ReportsNav path={path} />
        <PassiveCitizensPage />
      </>
    );
  if (path === '/reports/cohort')
    return (
      <>
        <ReportsNav path={path} />
        <CohortReportsPage />
      </>
    );
  if (path === '/imports/register') return <RegisterImportPage />;
  if (path === '/imports/history') return <ImportHistoryPage query={query} />;
  if (path === '/reports/follow-up')
    return (
      <>
        <ReportsNav path={path} />
        <FollowUpReportPage />
      </>
    );
  if (path === '/follow-up/instruments') return <InstrumentsPage />;
  if (path === '/audit') return <AuditPage query={query} />;
  if (path === '/users') return <UsersPage />;
  if (path === '/settings') return <SettingsPage />;
  // An unknown address: a heading that says so and a way back (issue 14).
  return <PageProblem kind="notFound" />;
}

/** The report pages behind the one "Rapporter" entry of the main menu. */
function ReportsNav({ path }: { path: string }) {
  const { t } = useI18n();
  const pages: { path: string; key: TextKey }[] = [
    { path: '/reports/cohort', key: 'cohortReports' },
    { path: '/reports/passive', key: 'passiveCitizens' },
    { path: '/reports/follow-up', key: 'followUpReports' },
  ];
  return (
    <nav aria-label={t('reports')} className="subnav">
      <ul>
        {pages.map((p) => (
          <li key={p.path}>
            <a href={`#${p.path}`} aria-current={p.path === path ? 'page' : undefined}>
              {t(p.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
