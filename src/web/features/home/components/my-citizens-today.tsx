import { useState } from 'react';
import { calendarDateOf, compareDates } from '../../../../domain/calendar-date.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { deliveryApi } from '../../grants/api-client.ts';
import { ContactForm, contactDefaultsOf } from '../../grants/components/contact-form.tsx';
import type { MyGrant, WorklistItem } from './home-page.tsx';

/**
 * "Mine borgere i dag" (issue 14): the mentor's citizens whose grant runs today — those still without a
 * contact this week first — and the contact form right under them. Logging a contact is: tap the citizen
 * (already chosen when there is only one), adjust what differs from the defaults, tap "Registrér kontakt".
 */
export function MyCitizensToday({ grants, worklist }: { grants: MyGrant[]; worklist: WorklistItem[] }) {
  const { t } = useI18n();
  const today = calendarDateOf(new Date());
  const due = new Set(worklist.filter((i) => i.kind === 'contact_due').map((i) => i.grantId));
  const active = grants
    .filter((g) => compareDates(g.startDate, today) <= 0 && compareDates(today, g.actualEndDate ?? g.endDate) <= 0)
    .sort((a, b) => Number(due.has(b.id)) - Number(due.has(a.id)) || a.citizenName.localeCompare(b.citizenName, 'da'));
  const [chosenId, setChosenId] = useState<number | null>(null);
  // With one citizen there is nothing to choose; with several, the mentor picks (never a silent guess).
  const chosen = active.find((g) => g.id === chosenId) ?? (active.length === 1 ? active[0]! : null);
  if (active.length === 0) return <p>{t('myCitizensTodayNone')}</p>;
  return (
    <div className="today">
      <fieldset className="citizen-picker">
        <legend>{t('myCitizensTodayPick')}</legend>
        <div className="segmented">
          {active.map((g) => (
            <label key={g.id} className={chosen?.id === g.id ? 'selected' : ''}>
              <input type="radio" name="today-citizen" value={g.id} checked={chosen?.id === g.id} onChange={() => setChosenId(g.id)} />{' '}
              <span>
                {g.citizenName}
                {due.has(g.id) ? <small className="due"> · {t('myCitizensTodayDue')}</small> : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {chosen ? <QuickContact key={chosen.id} grant={chosen} /> : null}
    </div>
  );
}

/** The contact form for one citizen, its defaults taken from the citizen's most recent contact. */
function QuickContact({ grant }: { grant: MyGrant }) {
  const { t } = useI18n();
  const contacts = useLoad(() => deliveryApi.contacts(grant.id), [grant.id]);
  if (!contacts.data) return <p aria-live="polite">{t('loading')}</p>;
  return (
    <>
      <ContactForm grant={grant} defaults={contactDefaultsOf(contacts.data.contacts)} onSaved={() => contacts.reload()} />
      <p className="hint">
        <a href={`#/grants/${grant.id}`}>
          {t('myCitizensTodayGrantLink')} {grant.citizenName}
        </a>
      </p>
    </>
  );
}
