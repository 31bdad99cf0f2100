import { useState } from 'react';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { FindingList } from '../../../components/finding-list.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { invoicesApi } from '../api-client.ts';
import { formatHours, formatKr, formatPeriod } from '../../../../domain/danish-format.ts';

const statusText: Record<string, string> = { received: 'Modtaget', attested: 'Attesteret', approved: 'Godkendt' };
const flagText: Record<string, string> = {
  HOURS_OVER_LOGGED: 'Flere timer end registreret',
  NO_CONTACT_LOGGED: 'Ingen kontakt i perioden',
  OUTSIDE_GRANT_PERIOD: 'Uden for bevillingsperioden',
  AMOUNT_OVER_RATE: 'Beløb over aftalt timepris',
  HOURS_OVER_CONFIRMED: 'Flere timer end borgeren har bekræftet',
};
const lineStatusText: Record<string, string> = { ok: 'OK', flagged: 'Til gennemgang', accepted: 'Godkendt', rejected: 'Afvist' };
const kr = (n: number) => formatKr(n, { decimals: 2 });

/** Provider invoices: reconciliation against logged contacts, line review, four-eyes approval (issue 4). */
export function InvoicesPage() {
  const { user } = useSession();
  const list = useLoad(() => invoicesApi.list(), []);
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <section>
      <h1>Fakturaer</h1>
      <ErrorMessage error={list.error} />
      <table>
        <caption className="sr-only">Fakturaer</caption>
        <thead>
          <tr>
            <th scope="col">Leverandør</th>
            <th scope="col">Nr.</th>
            <th scope="col">Periode</th>
            <th scope="col">Beløb</th>
            <th scope="col">Status</th>
            <th scope="col">Åbne linjer</th>
          </tr>
        </thead>
        <tbody>
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
              <td>{statusText[i.status] ?? i.status}</td>
              <td className="num">{i.openLineCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected !== null ? (
        <InvoiceDetail key={selected} id={selected} canReview={user?.role === 'caseworker'} onChanged={list.reload} />
      ) : null}
    </section>
  );
}

function InvoiceDetail({ id, canReview, onChanged }: { id: number; canReview: boolean; onChanged: () => void }) {
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
        Faktura {data.invoiceNumber} · {data.providerName}
      </h2>
      <p>
        Status: {statusText[data.status] ?? data.status}
        {data.attestedByName ? ` · attesteret af ${data.attestedByName}` : ''}
        {data.approvedByName ? ` · godkendt af ${data.approvedByName}` : ''}. Kan betales: {kr(data.reconciliation.payableAmountKr)}.
      </p>
      <FindingList findings={data.openDeliveryFindings} />
      <table>
        <caption className="sr-only">Fakturalinjer</caption>
        <thead>
          <tr>
            <th scope="col">Bevilling</th>
            <th scope="col">Periode</th>
            <th scope="col">Fakt. timer</th>
            <th scope="col">Registreret</th>
            <th scope="col">Bekræftet</th>
            <th scope="col">Beløb</th>
            <th scope="col">Afvigelser</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
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
              <td>{l.flags.map((f) => `${flagText[f.code] ?? f.message}${f.rule ? ` (${f.rule})` : ''}`).join(', ') || '–'}</td>
              <td>
                {lineStatusText[l.status] ?? l.status}
                {canReview && l.flags.length > 0 && l.status === 'flagged' ? (
                  <span className="actions">
                    <button
                      type="button"
                      disabled={!note.trim()}
                      onClick={() => void act(() => invoicesApi.reviewLine(id, l.lineId, { decision: 'accepted', note }))}
                    >
                      Godkend linje
                    </button>
                    <button
                      type="button"
                      disabled={!note.trim()}
                      onClick={() => void act(() => invoicesApi.reviewLine(id, l.lineId, { decision: 'rejected', note }))}
                    >
                      Afvis linje
                    </button>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canReview ? (
        <div className="field">
          <label htmlFor="review-note">Note til gennemgang af linjer</label>
          <input id="review-note" value={note} onChange={(ev) => setNote(ev.target.value)} />
        </div>
      ) : null}
      <ErrorMessage error={actionError} />
      {canApprove ? (
        <button type="button" className="primary" onClick={() => void act(() => invoicesApi.approve(id))}>
          {data.status === 'received' ? 'Attestér' : 'Godkend til betaling'}
        </button>
      ) : null}
    </article>
  );
}
