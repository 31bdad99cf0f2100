import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/http.ts';
import { useSession } from '../../../app/session.tsx';
import { useI18n, type Language, type TextKey } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { FindingList } from '../../../components/finding-list.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { invoicesApi } from '../api-client.ts';
import { formatHours, formatKr, formatPeriod } from '../../../app/formats.ts';
import { DataTable } from '../../../components/data-table.tsx';

const statusText: Record<string, TextKey> = { received: 'invReceived', attested: 'invAttested', approved: 'invApproved' };
const flagText: Record<string, TextKey> = {
  HOURS_OVER_LOGGED: 'invHoursOverLogged',
  NO_CONTACT_LOGGED: 'invNoContactLogged',
  OUTSIDE_GRANT_PERIOD: 'invOutsideGrantPeriod',
  AMOUNT_OVER_RATE: 'invAmountOverRate',
  HOURS_OVER_CONFIRMED: 'invHoursOverConfirmed',
};
const lineStatusText: Record<string, TextKey> = {
  ok: 'invLineOk',
  flagged: 'invLineFlagged',
  accepted: 'invLineAccepted',
  rejected: 'invLineRejected',
};
const kr = (n: number) => formatKr(n, { decimals: 2 });

/** Provider invoices: reconciliation against logged contacts, line review, four-eyes approval (issue 4). */
export function InvoicesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const list = useLoad(() => invoicesApi.list(), []);
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <section>
      <h1>{t('invoices')}</h1>
      {user && ['coordinator', 'manager'].includes(user.role) ? (
        <InvoiceUpload
          onImported={(id) => {
            list.reload();
            setSelected(id);
          }}
        />
      ) : null}
      <ErrorMessage error={list.error} />
      <DataTable
        caption={t('invoices')}
        columns={[t('provider'), t('invNumberShort'), t('period'), t('invAmount'), t('status'), t('invOpenLines')]}
      >
        {(list.data?.invoices ?? []).map((i) => (
          <tr key={i.id}>
            <td>
              <button type="button" className="link-button" onClick={() => setSelected(i.id)}>
                {i.providerName}
              </button>
            </td>
            <td>{i.invoiceNumber}</td>
            <td>{formatPeriod(i.periodFrom, i.periodTo)}</td>
            <td className="num">{kr(i.amountKr)}</td>
            <td>{statusText[i.status] ? t(statusText[i.status]!) : i.status}</td>
            <td className="num">{i.openLineCount}</td>
          </tr>
        ))}
      </DataTable>
      {selected !== null ? (
        <InvoiceDetail key={selected} id={selected} canReview={user?.role === 'caseworker'} onChanged={list.reload} />
      ) : null}
    </section>
  );
}

function InvoiceDetail({ id, canReview, onChanged }: { id: number; canReview: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { data, error, reload } = useLoad(() => invoicesApi.reconciliation(id), [id]);
  const [note, setNote] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  async function act(run: () => Promise<unknown>) {
    setActionError(null);
    try {
      await run();
      reload();
      onChanged();
    } catch (err) {
      setActionError(err);
    }
  }
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  const canApprove = user && ['caseworker', 'manager'].includes(user.role) && data.status !== 'approved';
  return (
    <article className="card" aria-labelledby="invoice-title">
      <h2 id="invoice-title">
        {t('invInvoice')} {data.invoiceNumber} · {data.providerName}
      </h2>
      <p>
        {t('status')}: {statusText[data.status] ? t(statusText[data.status]!) : data.status}
        {data.attestedByName ? ` · ${t('invAttestedBy')} ${data.attestedByName}` : ''}
        {data.approvedByName ? ` · ${t('invApprovedBy')} ${data.approvedByName}` : ''}. {t('invPayable')}:{' '}
        {kr(data.reconciliation.payableAmountKr)}.
      </p>
      <FindingList findings={data.openDeliveryFindings} />
      <DataTable
        caption={t('invLines')}
        columns={[
          t('invGrant'),
          t('period'),
          t('invInvoicedHours'),
          t('contactRecorded'),
          t('contactConfirmed'),
          t('invAmount'),
          t('invDeviations'),
          t('status'),
        ]}
      >
        {data.reconciliation.lines.map((l) => (
          <tr key={l.lineId}>
            <td>
              <a href={`#/grants/${l.grantId}`}>{l.grantId}</a>
            </td>
            <td>{formatPeriod(l.periodFrom, l.periodTo)}</td>
            <td className="num">{formatHours(l.invoicedHours)}</td>
            <td className="num">{formatHours(l.loggedHours)}</td>
            <td className="num">{formatHours(l.confirmedHours)}</td>
            <td className="num">{kr(l.amountKr)}</td>
            <td>
              {l.flags.map((f) => `${flagText[f.code] ? t(flagText[f.code]!) : f.message}${f.rule ? ` (${f.rule})` : ''}`).join(', ') ||
                '–'}
            </td>
            <td>
              {lineStatusText[l.status] ? t(lineStatusText[l.status]!) : l.status}
              {canReview && l.flags.length > 0 && l.status === 'flagged' ? (
                <span className="actions">
                  <button
                    type="button"
                    disabled={!note.trim()}
                    onClick={() => void act(() => invoicesApi.reviewLine(id, l.lineId, { decision: 'accepted', note }))}
                  >
                    {t('invAcceptLine')}
                  </button>
                  <button
                    type="button"
                    disabled={!note.trim()}
                    onClick={() => void act(() => invoicesApi.reviewLine(id, l.lineId, { decision: 'rejected', note }))}
                  >
                    {t('invRejectLine')}
                  </button>
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {canReview ? (
        <div className="field">
          <label htmlFor="review-note">{t('invReviewNote')}</label>
          <input id="review-note" value={note} onChange={(ev) => setNote(ev.target.value)} />
        </div>
      ) : null}
      <ErrorMessage error={actionError} />
      {canApprove ? (
        <button type="button" className="primary" onClick={() => void act(() => invoicesApi.approve(id))}>
          {data.status === 'received' ? t('invAttest') : t('invApproveForPayment')}
        </button>
      ) : null}
    </article>
  );
}

/** The columns of an invoice file in words, with the file's own column name (camelCase or snake_case in the header). */
const columnText: Record<string, Record<Language, string>> = {
  invoiceNumber: { da: 'Fakturanummer (invoice_number)', en: 'Invoice number (invoice_number)' },
  providerId: { da: 'Leverandør-id (provider_id)', en: 'Provider id (provider_id)' },
  periodFrom: { da: 'Fakturaperiode fra (period_from)', en: 'Invoice period from (period_from)' },
  periodTo: { da: 'Fakturaperiode til (period_to)', en: 'Invoice period to (period_to)' },
  grantId: { da: 'Bevilling (grant_id)', en: 'Grant (grant_id)' },
  lineFrom: { da: 'Linjens periode fra (line_from)', en: 'Line period from (line_from)' },
  lineTo: { da: 'Linjens periode til (line_to)', en: 'Line period to (line_to)' },
  hours: { da: 'Timer (hours)', en: 'Hours (hours)' },
  amountKr: { da: 'Beløb i kr. (amount_kr)', en: 'Amount in kr. (amount_kr)' },
  csv: { da: 'Filen', en: 'The file' },
};
type Words = (column: string) => Record<Language, string>;
const problemText: Record<string, Words> = {
  NO_LINES: () => ({
    da: 'Filen skal have en overskriftslinje og mindst én fakturalinje.',
    en: 'The file needs a header line and at least one invoice line.',
  }),
  UNCLOSED_QUOTE: () => ({ da: 'Et citationstegn (") er ikke lukket.', en: 'A quotation mark (") is not closed.' }),
  MISSING_COLUMN: (c) => ({ da: `Overskriften mangler kolonnen ${c}.`, en: `The header lacks the column ${c}.` }),
  NOT_A_NUMBER: (c) => ({ da: `${c} skal være et tal, fx 4.250,00.`, en: `${c} must be a number, for example 4,250.00.` }),
  NOT_WHOLE_NUMBER: (c) => ({ da: `${c} skal være et helt tal.`, en: `${c} must be a whole number.` }),
  NOT_A_DATE: (c) => ({
    da: `${c} skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 2026-03-31.`,
    en: `${c} must be a date written YYYY-MM-DD, for example 2026-03-31.`,
  }),
  EMPTY: (c) => ({ da: `${c} er tom.`, en: `${c} is empty.` }),
  DIFFERS_FROM_FIRST_LINE: (c) => ({
    da: `${c} er ikke den samme som på første linje. Én faktura pr. fil.`,
    en: `${c} differs from the first line. One invoice per file.`,
  }),
  PERIOD_REVERSED: () => ({ da: 'Perioden slutter, før den begynder.', en: 'The period ends before it begins.' }),
  OUTSIDE_INVOICE_PERIOD: () => ({
    da: 'Linjens periode ligger uden for fakturaperioden.',
    en: 'The line’s period lies outside the invoice period.',
  }),
  NEGATIVE: (c) => ({ da: `${c} må ikke være negativ.`, en: `${c} must not be negative.` }),
  GRANT_NOT_FOUND: () => ({ da: 'Bevillingen findes ikke.', en: 'The grant does not exist.' }),
  GRANT_NOT_OF_PROVIDER: () => ({
    da: 'Bevillingen leveres ikke af denne leverandør.',
    en: 'The grant is not delivered by this provider.',
  }),
  PROVIDER_NOT_FOUND: () => ({ da: 'Leverandøren findes ikke.', en: 'The provider does not exist.' }),
};
const invalidValue: Words = () => ({ da: 'Værdien er ikke gyldig.', en: 'The value is not valid.' });
type CsvProblem = { line: number; field: string; reason: string };

/** A provider's invoice as a CSV file (issue 14): read in the browser and sent as text/csv; each bad line is listed in the user's language. */
function InvoiceUpload({ onImported }: { onImported: (id: number) => void }) {
  const { t, language } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<{ list: CsvProblem[]; count: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || sending) return;
    setSending(true);
    setProblems(null);
    setError(null);
    setDone(null);
    try {
      const invoice = await invoicesApi.uploadCsv(await file.text());
      setDone(`${t('invInvoice')} ${invoice.invoiceNumber} ${t('invLoadedFrom')} ${invoice.providerName} ${t('invLoadedDone')}`);
      onImported(invoice.id);
    } catch (err) {
      const list = err instanceof ApiError && Array.isArray(err.details.problems) ? (err.details.problems as CsvProblem[]) : [];
      if (list.length > 0) {
        const count =
          typeof (err as ApiError).details.problemCount === 'number' ? ((err as ApiError).details.problemCount as number) : list.length;
        setProblems({ list, count });
      } else setError(err);
    } finally {
      setSending(false);
    }
  }
  return (
    <details className="card">
      <summary>{t('invUpload')}</summary>
      <form onSubmit={submit}>
        <p className="hint" id="invoice-file-hint">
          {t('invUploadHint')} <code>invoice_number;provider_id;period_from;period_to;grant_id;line_from;line_to;hours;amount_kr</code>.{' '}
          {t('invUploadHintSeparators')}
        </p>
        <div className="field">
          <label htmlFor="invoice-file">{t('invFile')}</label>
          <input
            id="invoice-file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby="invoice-file-hint"
            onChange={(ev) => {
              setFile(ev.target.files?.[0] ?? null);
              setProblems(null);
              setDone(null);
            }}
          />
        </div>
        <button type="submit" className="primary" disabled={!file || sending}>
          {sending ? t('invLoading') : t('invLoad')}
        </button>
      </form>
      {done ? (
        <p className="ok" role="status">
          {done}
        </p>
      ) : null}
      {problems ? (
        <div className="alert alert-error" role="alert">
          <p>{t('invRefused')}</p>
          <ul>
            {problems.list.map((p, i) => (
              <li key={i}>
                {t('invLine')} {p.line}: {(problemText[p.reason] ?? invalidValue)(columnText[p.field]?.[language] ?? p.field)[language]}
              </li>
            ))}
          </ul>
          {problems.count > problems.list.length ? (
            <p>
              + {problems.count - problems.list.length} {t('invMoreErrors')}
            </p>
          ) : null}
        </div>
      ) : null}
      <ErrorMessage error={error} />
    </details>
  );
}
