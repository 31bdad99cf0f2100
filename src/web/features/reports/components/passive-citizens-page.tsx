import { useState } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { reportsApi, type PassiveCitizensReport } from '../api-client.ts';
import { formatPeriod, formatShare } from '../../../app/formats.ts';

/** The widest of the report's cells (total, by group, by age band), as the inferred schema has them. */
type Cell = PassiveCitizensReport['byAgeBand'][number];
import { danishDateOf } from '../../../../domain/calendar-date.ts';

const pct = (v: number | null) => formatShare(v);
const n = (v: number | null) => (v === null ? '<5' : String(v));

/** Passive citizens: no offer and no mentor in the preceding 12 months (STAR 2017 measure, seed S1). */
export function PassiveCitizensPage() {
  const { t, e } = useI18n();
  const [date, setDate] = useState(danishDateOf(new Date()));
  const { data, error } = useLoad(() => reportsApi.passiveCitizens(date), [date]);
  const table = (caption: string, cells: Cell[]) => (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('pcGroup')}</th>
          <th scope="col">{t('pcInTargetGroup')}</th>
          <th scope="col">{t('pcPassive')}</th>
          <th scope="col">{t('pcSharePassive')}</th>
          <th scope="col">{t('pcShareWithEffort')}</th>
        </tr>
      </thead>
      <tbody>
        {cells.map((c) => (
          <tr key={c.key}>
            <td>{e(c.key)}</td>
            <td className="num">{n(c.total)}</td>
            <td className="num">{n(c.passive)}</td>
            <td className="num">{pct(c.sharePassive)}</td>
            <td className="num">{pct(c.shareWithEffort)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section>
      <h1>{t('passiveCitizens')}</h1>
      <p>{t('pcIntro')}</p>
      <Field id="passive-date" label={t('pcDate')}>
        <input id="passive-date" type="date" value={date} onChange={(ev) => ev.target.value && setDate(ev.target.value)} />
      </Field>
      <ErrorMessage error={error} />
      {data ? (
        <>
          <p>
            {t('pcPeriod')}: {formatPeriod(data.windowStart, data.date)}. {t('pcTotal')} {n(data.total.passive)} {t('pcPassiveOf')}{' '}
            {n(data.total.total)} ({pct(data.total.sharePassive)}).
          </p>
          {table(t('pcByGroup'), data.byGroup)}
          {table(t('pcByAge'), data.byAgeBand)}
          {data.citizens ? (
            <>
              <h2>{t('citizens')}</h2>
              <ul>
                {data.citizens.map((c) => (
                  <li key={c.citizenId}>
                    <a href={`#/citizens/${c.citizenId}`}>{c.name}</a> – {e(c.group)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
