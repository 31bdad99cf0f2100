import { useEffect, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { citizensApi, type MatchingProfile as Profile } from '../api-client.ts';

/** What the citizen needs from a mentor; used by the mentor proposals (issue 3 point 8). */
export function MatchingProfile({ citizenId }: { citizenId: number }) {
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
      <summary>Behov og ønsker til mentor</summary>
      <form onSubmit={submit} className="grid-form">
        <Field id="mp-barriers" label="Barrierer, der kræver speciale (kommasepareret)">
          <input id="mp-barriers" value={barriers} onChange={(ev) => setBarriers(ev.target.value)} />
        </Field>
        <Field id="mp-language" label="Sprog">
          <input id="mp-language" value={profile.language ?? ''} onChange={(ev) => setProfile({ ...profile, language: ev.target.value })} />
        </Field>
        <Field id="mp-gender" label="Ønsket køn på mentor">
          <select
            id="mp-gender"
            value={profile.preferredMentorGender ?? ''}
            onChange={(ev) =>
              setProfile({ ...profile, preferredMentorGender: (ev.target.value || null) as Profile['preferredMentorGender'] })
            }
          >
            <option value="">Intet ønske</option>
            <option value="female">Kvinde</option>
            <option value="male">Mand</option>
          </select>
        </Field>
        <Field id="mp-postcode" label="Postnummer">
          <input
            id="mp-postcode"
            inputMode="numeric"
            value={profile.postcode ?? ''}
            onChange={(ev) => setProfile({ ...profile, postcode: ev.target.value })}
          />
        </Field>
        <ErrorMessage error={error} />
        {saved ? (
          <p role="status" className="ok">
            Gemt.
          </p>
        ) : null}
        <button type="submit" className="primary">
          Gem
        </button>
      </form>
    </details>
  );
}
