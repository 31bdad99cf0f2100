import { useI18n, type TextKey } from '../../../app/i18n.tsx';
import { formatInstantDate, formatNumber, formatTime } from '../../../app/formats.ts';
import { navigate } from '../../../app/router.ts';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { registerImportApi, type ImportHistoryRow } from '../api-client.ts';
import { DataTable } from '../../../components/data-table.tsx';

const statusKey: Record<ImportHistoryRow['status'], TextKey> = {
  running: 'importStatusRunning',
  done: 'importStatusDone',
  failed: 'importStatusFailed',
};

/** The counts an import reports, by key, with their words; other keys are not shown. */
const countKeys: [string, TextKey][] = [
  ['lines', 'registerLinesRead'],
  ['citizens', 'registerCitizens'],
  ['unknownCitizens', 'registerUnknownCitizens'],
  ['spells', 'registerSpells'],
  ['badLines', 'registerBadLines'],
];

export const caseHistoryKinds: Record<string, { da: string; en: string }> = {
  citizens: { da: 'borgere', en: 'citizens' },
  'target-groups': { da: 'målgrupper', en: 'target groups' },
  grants: { da: 'bevillinger', en: 'grants' },
  offers: { da: 'tilbud', en: 'offers' },
};

/** 03.12.2026 09.30 (03/12/2026 09:30 in English), in Danish time. */
const dateTime = { format: (d: Date) => `${formatInstantDate(d)} ${formatTime(d)}` };

/** The import history (issue 14): every import, newest first — kind, file, user, start, status and counts. */
export function ImportHistoryPage({ query }: { query: URLSearchParams }) {
  const { t, language } = useI18n();
  const requested = Number(query.get('page'));
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const { data, error } = useLoad(() => registerImportApi.history(page), [page]);
  const num = (n: number) => formatNumber(n);
  const kindText = (kind: string) => {
    const [family, first, second] = kind.split(':');
    if (family === 'register') {
      const layout = (first === 'long' ? t('registerLayoutLong') : t('registerLayoutWide')).split(':')[0]!.toLowerCase();
      return `${t('importKindRegister')} (${layout}, ${second})`;
    }
    if (family === 'case-history') return `${t('importKindCaseHistory')}: ${caseHistoryKinds[first ?? '']?.[language] ?? first}`;
    return kind;
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section>
      <h1>{t('importHistory')}</h1>
      <p>{t('importHistoryIntro')}</p>
      <p>
        <a href="#/imports/register">{t('importBackToImport')}</a>
      </p>
      <ErrorMessage error={error} />
      {data && data.imports.length === 0 ? <p>{t('importNone')}</p> : null}
      {data && data.imports.length > 0 ? (
        <DataTable
          className="import-history"
          caption={t('importHistory')}
          columns={[t('importStarted'), t('importKind'), t('importFile'), t('importUser'), t('importStatus'), t('importCounts')]}
        >
          {data.imports.map((i) => (
            <tr key={i.id}>
              <td className="nowrap">{dateTime.format(new Date(i.createdAt))}</td>
              <td>{kindText(i.kind)}</td>
              <td className="card-wide">{i.fileName ?? <span className="muted">{t('importNoFile')}</span>}</td>
              <td>{i.createdByName ?? '–'}</td>
              <td>
                {t(statusKey[i.status])}
                {i.warningCount > 0 ? ` · ${num(i.warningCount)} ${t(i.warningCount === 1 ? 'importWarning' : 'importWarnings')}` : ''}
                {i.errorCount > 0 ? ` · ${num(i.errorCount)} ${t('importErrors')}` : ''}
              </td>
              <td>
                {countKeys
                  .filter(([key]) => typeof i.counts[key] === 'number')
                  .map(([key, label]) => `${t(label)}: ${num(i.counts[key]!)}`)
                  .join(' · ') || '–'}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {data && data.total > data.pageSize ? (
        <nav className="pager" aria-label={t('pageOf')}>
          <button type="button" disabled={page <= 1} onClick={() => navigate(`/imports/history?page=${page - 1}`)}>
            {t('previousPage')}
          </button>
          <span>
            {t('pageOf')} {num(page)} {t('citizensOf')} {num(pages)}
          </span>
          <button type="button" disabled={page >= pages} onClick={() => navigate(`/imports/history?page=${page + 1}`)}>
            {t('nextPage')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
