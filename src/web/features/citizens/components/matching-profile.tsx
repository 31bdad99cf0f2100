import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { citizensApi, type MatchingProfile as Profile } from '../api-client.ts';
import { StatusNote } from '../../../components/status-note.tsx';

/** What the citizen needs from a mentor; used by the mentor proposals (issue 3 point 8). */
export function MatchingProfile({ citizenId }: { citizenId: number }) {
  const { t } = useI18n();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [barriers, setBarriers] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    citizensApi
      .matchingProfile(citizenId)
      .then((p) => {
        setProfile(p);
        setBarriers(p.barriers.join(', '));
      })
      .catch(setError);
  }, [citizenId]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!profile) return;
    setError(null);
    setSaved(false);
    try {
      const body = {
        ...profile,
        postcode: profile.postcode || null,
        language: profile.language || null,
        barriers: barriers
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean),
      };
      setProfile(await citizensApi.saveMatchingProfile(citizenId, body));
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }
  if (!profile) return <ErrorMessage error={error} />;
  return (
    <details className="card">
      <summary>{t('matchingProfile')}</summary>
      <form onSubmit={submit} className="grid-form">
        <TextField id="mp-barriers" label={t('matchingBarriers')} value={barriers} onChange={setBarriers} />
        <TextField
          id="mp-language"
          label={t('matchingLanguage')}
          value={profile.language ?? ''}
          onChange={(language) => setProfile({ ...profile, language })}
        />
        <SelectField
          id="mp-gender"
          label={t('matchingGender')}
          value={profile.preferredMentorGender ?? ''}
          onChange={(gender) => setProfile({ ...profile, preferredMentorGender: (gender || null) as Profile['preferredMentorGender'] })}
          options={['female', 'male']}
          blank={t('matchingNoWish')}
        />
        <TextField
          id="mp-postcode"
          label={t('matchingPostcode')}
          inputMode="numeric"
          value={profile.postcode ?? ''}
          onChange={(postcode) => setProfile({ ...profile, postcode })}
        />
        <ErrorMessage error={error} />
        <StatusNote text={saved && t('saved')} />
        <button type="submit" className="primary">
          {t('save')}
        </button>
      </form>
    </details>
  );
}
