import { ApiError } from '../app/http.ts';
import { useI18n } from '../app/i18n.tsx';
import { ErrorMessage } from './error-message.tsx';

/**
 * A page that cannot be shown (issue 14): an unknown address or a record that does not exist (404), a page
 * the user's role may not see (403), or another failure. Always a heading — so the page has a title — and a
 * way back to the start page.
 */
export function PageProblem({ kind, error }: { kind: 'notFound' | 'forbidden' | 'error'; error?: unknown }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t(kind === 'notFound' ? 'notFoundTitle' : kind === 'forbidden' ? 'forbiddenTitle' : 'pageErrorTitle')}</h1>
      {kind === 'error' ? <ErrorMessage error={error} /> : <p>{t(kind === 'notFound' ? 'notFoundText' : 'forbiddenText')}</p>}
      <p>
        <a href="#/">{t('backToHome')}</a>
      </p>
    </section>
  );
}

/** The page for an error loading a page's main record: 403 and 404 by their kind, anything else with its message. */
export function PageLoadError({ error }: { error: unknown }) {
  const code = error instanceof ApiError ? error.code : null;
  return <PageProblem kind={code === 'NOT_FOUND' ? 'notFound' : code === 'FORBIDDEN' ? 'forbidden' : 'error'} error={error} />;
}
