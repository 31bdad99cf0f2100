import type { ReactNode } from 'react';
import type { Finding } from '../app/http.ts';
import { useI18n } from '../app/i18n.tsx';

export function FindingList({ findings }: { findings: Finding[] }) {
  const { rule, t } = useI18n();
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const list = (items: Finding[]) => (
    <ul className="findings">
      {items.map((f, i) => (
        <li key={`${f.rule}-${i}`} className={`finding finding-${f.severity}`} data-rule={f.rule}>
          <strong>
            {f.rule} · {rule(f.rule)}
          </strong>
          {/* The rule's own text is authored in Danish and shown as written, whatever the page's language. */}
          <span lang="da">{withGrantLinks(f.message)}</span>
          <small>
            {t('findingSource')}: <span lang="da">{f.source}</span>
          </small>
        </li>
      ))}
    </ul>
  );
  if (findings.length === 0) return <p className="ok">{t('noFindings')}</p>;
  return (
    <div>
      {errors.length > 0 ? (
        <>
          <h3 className="finding-heading">
            {t('errors')} ({errors.length})
          </h3>
          {list(errors)}
        </>
      ) : null}
      {warnings.length > 0 ? (
        <>
          <h3 className="finding-heading">
            {t('warnings')} ({warnings.length})
          </h3>
          {list(warnings)}
        </>
      ) : null}
    </div>
  );
}

/**
 * A finding that names another grant ("bevilling nr. 12", R-DUR-4's overlapping grant) links to it, so the
 * caseworker can open the grant the new one collides with (issue 14).
 */
function withGrantLinks(message: string): ReactNode[] {
  return message.split(/(bevilling nr\. \d+)/).map((part, i) => {
    const id = /^bevilling nr\. (\d+)$/.exec(part)?.[1];
    return id ? (
      <a key={i} href={`#/grants/${id}`}>
        {part}
      </a>
    ) : (
      part
    );
  });
}
