import { weeksSpanYears } from '../../../../domain/danish-format.ts';
import { formatDateTime, formatHours, formatIsoWeek } from '../../../app/formats.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { FindingList } from '../../../components/finding-list.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { deliveryApi, type Grant } from '../api-client.ts';
import { confirmationTextKeys, ContactForm, contactDefaultsOf, contactFormTextKeys } from './contact-form.tsx';
import { DataTable } from '../../../components/data-table.tsx';

/** Logs a contact in under a minute on a phone-sized screen; shows the contact log and delivery control. */
export function ContactLog({ grant }: { grant: Grant }) {
  const { t } = useI18n();
  const contacts = useLoad(() => deliveryApi.contacts(grant.id), [grant.id]);
  const compliance = useLoad(() => deliveryApi.compliance(grant.id), [grant.id]);
  const weeks = compliance.data?.hours.slice(-12) ?? [];
  const withYear = weeksSpanYears(weeks.map((h) => h.week));
  return (
    <section aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('contactsHeading')}</h2>
      {contacts.data ? (
        <ContactForm
          // Mounted once the contacts are known, so the defaults follow the most recent contact.
          grant={grant}
          defaults={contactDefaultsOf(contacts.data.contacts)}
          onSaved={() => {
            contacts.reload();
            compliance.reload();
          }}
        />
      ) : (
        <p>{t('loading')}</p>
      )}

      <h3>{t('deliveryControl')}</h3>
      {compliance.data ? <FindingList findings={compliance.data.findings} /> : <p>{t('loading')}</p>}
      {compliance.data && compliance.data.hours.length > 0 ? (
        <DataTable
          caption={t('weeklyHours')}
          columns={[t('contactWeek'), t('contactGranted'), t('contactRecorded'), t('contactConfirmed')]}
        >
          {weeks.map((h) => (
            <tr key={h.week}>
              <td>{formatIsoWeek(h.week, { withYear })}</td>
              <td className="num">{formatHours(h.granted)}</td>
              <td className="num">{formatHours(h.logged)}</td>
              <td className="num">{formatHours(h.confirmed)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}

      <h3>{t('contactLog')}</h3>
      {contacts.data && contacts.data.contacts.length > 0 ? (
        <DataTable
          caption={t('contactLog')}
          columns={[
            t('time'),
            t('contactFormShort'),
            t('contactMinutes'),
            t('fuAttendance'),
            t('contactConfirmationShort'),
            t('contactNoteShort'),
          ]}
        >
          {[...contacts.data.contacts].reverse().map((c) => (
            <tr key={c.id}>
              <td>{formatDateTime(c.at)}</td>
              <td>{contactFormTextKeys[c.form] ? t(contactFormTextKeys[c.form]!) : c.form}</td>
              <td className="num">{c.minutes}</td>
              <td>{c.attended ? t('yes') : t('contactNoShow')}</td>
              <td>
                {c.confirmationMethod && confirmationTextKeys[c.confirmationMethod] ? t(confirmationTextKeys[c.confirmationMethod]!) : '–'}
              </td>
              <td>{c.note ?? ''}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('contactNone')}</p>
      )}
    </section>
  );
}
