/**
 * Issue 14: the access log's criterion column in words. The criterion is stored as the use cases write
 * it (`import:wide:dst:260 weeks`, `user:sara role=manager`); this reads each shape they write back into
 * a Danish or English sentence. A shape it does not know answers null, and the page shows the stored text
 * as it is. Pure: formats come from `formatsFor`, labels from the dictionaries they are shown with.
 */
import { isCalendarDate } from '../../../domain/calendar-date.ts';
import { formatsFor } from '../../../domain/danish-format.ts';
import { fieldLabel } from '../../app/field-labels.ts';
import { enumText, textIn, type Language } from '../../app/i18n.tsx';
import { caseHistoryKinds } from '../imports/components/import-history-page.tsx';
import { reportNames } from '../reports/api-client.ts';

export type AuditEntryCriterion = { action: string; entity: string; criterion: string | null };

type Words = Record<Language, string>;
/** Parses one criterion shape; null when the text is not of that shape. */
type Reader = (criterion: string, entry: AuditEntryCriterion, language: Language) => string | null;

const both = (language: Language, words: Words) => words[language];

/** What the log calls a code (grant type, target group, role, status): its label, or null when unknown. */
function codeLabel(code: string, language: Language): string | null {
  return enumText[language][code] ?? enumText.da[code] ?? null;
}

function date(value: string, language: Language): string | null {
  return isCalendarDate(value) ? formatsFor(language).formatDate(value) : null;
}

function period(from: string, to: string, language: Language): string | null {
  const a = date(from, language);
  const b = date(to, language);
  return a && b ? `${a}–${b}` : null;
}

const count = (n: string, language: Language) => formatsFor(language).formatNumber(Number(n));

/** Labels of comma-separated field names, or null when one has none (then the stored text is shown). */
function fieldList(fields: string, language: Language): string | null {
  const labels = fields.split(',').map((f) => fieldLabel(f, language));
  return labels.every((l) => l !== null) ? labels.join(', ') : null;
}

/** A report cell's row or column key: a code's label, a month, or the key itself (years, age bands). */
function cellKey(key: string, language: Language): string {
  if (/^\d{4}-\d{2}$/.test(key)) return formatsFor(language).formatMonth(key, { withYear: true });
  return codeLabel(key, language) ?? key;
}

const citizenSearch: Reader = (c, entry, language) => {
  if (entry.entity !== 'citizen' || entry.action !== 'search') return null;
  const m = /^(text|cpr):(.*?)( mine)?$/s.exec(c);
  if (!m) return null;
  const what =
    m[1] === 'cpr'
      ? both(language, { da: `Søgning på CPR-nummer ${m[2]}`, en: `Search by CPR number ${m[2]}` })
      : both(language, { da: `Søgning efter «${m[2]}»`, en: `Search for “${m[2]}”` });
  return m[3] ? `${what} (${textIn(language, 'citizensMine').toLowerCase()})` : what;
};

const accessLogSearch: Reader = (c, entry, language) => {
  if (entry.entity !== 'audit_log') return null;
  const cpr = /^cpr:(\d{6}-XXXX)$/.exec(c);
  if (cpr) return both(language, { da: `Adgangslog for CPR-nummer ${cpr[1]}`, en: `Access log for CPR number ${cpr[1]}` });
  const citizen = /^citizen:(\d+)$/.exec(c);
  if (citizen) return both(language, { da: `Adgangslog for borger nr. ${citizen[1]}`, en: `Access log for citizen no. ${citizen[1]}` });
  const rows = /^rows:(\d+)$/.exec(c);
  if (rows) {
    const n = count(rows[1]!, language);
    return both(language, { da: `Udtræk med ${n} linjer`, en: `Export of ${n} rows` });
  }
  return null;
};

const login: Reader = (c, _entry, language) => {
  const ip = /^ip:(.+)$/.exec(c);
  if (ip) return both(language, { da: `Fra IP-adresse ${ip[1]}`, en: `From IP address ${ip[1]}` });
  if (c === 'sso-required')
    return both(language, {
      da: 'Adgangskode afvist: brugeren skal logge ind med organisationen',
      en: 'Password refused: the user must log in with the organisation',
    });
  if (c === 'sso') return both(language, { da: 'Log ind med organisationen', en: 'Login with the organisation' });
  if (c === 'break-glass')
    return both(language, {
      da: 'Nødadgang med adgangskode, mens log ind med organisationen er slået til',
      en: 'Emergency login with a password while login with the organisation is on',
    });
  const sso = /^sso:(username-taken|deactivated|no-role|mentor-not-linked)$/.exec(c);
  if (!sso) return null;
  const why: Record<string, Words> = {
    'username-taken': { da: 'brugernavnet bruges af en anden bruger', en: 'the username is used by another user' },
    deactivated: { da: 'brugeren er deaktiveret', en: 'the user is deactivated' },
    'no-role': { da: 'ingen rolle i Mentorspor', en: 'no role in Mentorspor' },
    'mentor-not-linked': { da: 'mentorbrugeren er ikke knyttet til en mentor', en: 'the mentor user is not linked to a mentor' },
  };
  return (
    both(language, { da: 'Log ind med organisationen afvist: ', en: 'Login with the organisation refused: ' }) + why[sso[1]!]![language]
  );
};

const user: Reader = (c, entry, language) => {
  if (entry.entity !== 'user') return null;
  const m = /^user:(\S+) (.+)$/s.exec(c);
  if (!m) return null;
  const [, username, rest] = m as unknown as [string, string, string];
  if (rest === 'password-changed')
    return both(language, { da: `${username} valgte sin egen adgangskode`, en: `${username} chose their own password` });
  if (rest === 'password-reset')
    return both(language, { da: `Ny engangskode til ${username}`, en: `New one-time password for ${username}` });
  const role = /^role:(\w+)( sso)?$/.exec(rest);
  if (role) {
    const name = codeLabel(role[1]!, language);
    if (!name) return null;
    if (role[2])
      return entry.action === 'create'
        ? both(language, {
            da: `${username} oprettet ved log ind med organisationen som ${name}`,
            en: `${username} created at login with the organisation as ${name}`,
          })
        : both(language, {
            da: `${username} har fået rollen ${name} fra organisationen`,
            en: `${username} was given the role ${name} by the organisation`,
          });
    return both(language, { da: `${username} oprettet som ${name}`, en: `${username} created as ${name}` });
  }
  // `name=Sara Holm role=manager active=false mentorId=null sessions-ended:2`: a name may hold spaces.
  const ended = / ?sessions-ended:(\d+)$/.exec(rest);
  const changes = ended ? rest.slice(0, ended.index) : rest;
  const parts = changes.split(/(?:^| )(name|role|active|mentorId)=/).slice(1);
  if (parts.length === 0 || changes.split(/(?:^| )(?:name|role|active|mentorId)=/)[0] !== '') return null;
  const shown: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const key = parts[i]!;
    const value = parts[i + 1]!;
    const label = fieldLabel(key, language)!;
    const text =
      key === 'role'
        ? codeLabel(value, language)
        : key === 'active'
          ? textIn(language, value === 'true' ? 'yes' : 'no').toLowerCase()
          : key === 'mentorId'
            ? value === 'null'
              ? textIn(language, 'noMentor').toLowerCase()
              : both(language, { da: `mentor nr. ${value}`, en: `mentor no. ${value}` })
            : value;
    if (text === null) return null;
    shown.push(`${label}: ${text}`);
  }
  const sessions = ended
    ? both(language, { da: `; ${count(ended[1]!, language)} sessioner afsluttet`, en: `; ${count(ended[1]!, language)} sessions ended` })
    : '';
  return `${username} ${both(language, { da: 'ændret', en: 'changed' })} – ${shown.join(', ')}${sessions}`;
};

const mentor: Reader = (c, entry, language) => {
  if (entry.entity !== 'mentor') return null;
  const m = /^mentor:(\d+) ([A-Za-z,]+)$/.exec(c);
  const fields = m ? fieldList(m[2]!, language) : null;
  return m && fields ? both(language, { da: `Mentor nr. ${m[1]}: ${fields} ændret`, en: `Mentor no. ${m[1]}: ${fields} changed` }) : null;
};

const settings: Reader = (c, entry, language) => {
  if (entry.entity !== 'municipal_settings' || !/^[A-Za-z]+(,[A-Za-z]+)*$/.test(c)) return null;
  const fields = fieldList(c, language);
  return fields ? both(language, { da: `Ændret: ${fields}`, en: `Changed: ${fields}` }) : null;
};

const grantDraft: Reader = (c, _entry, language) => {
  const m = /^grant:(\d+) draft$/.exec(c);
  return m ? both(language, { da: `Kladde til bevilling nr. ${m[1]} kasseret`, en: `Draft grant no. ${m[1]} discarded` }) : null;
};

const grantList: Reader = (c, _entry, language) => {
  const m = /^grants:(citizen=(\d+)|all)(?:,status=(\w+))?$/.exec(c);
  if (!m) return null;
  const whose = m[2]
    ? both(language, { da: `Bevillinger for borger nr. ${m[2]}`, en: `Grants of citizen no. ${m[2]}` })
    : both(language, { da: 'Alle bevillinger', en: 'All grants' });
  if (!m[3]) return whose;
  const status = codeLabel(m[3], language);
  return status ? `${whose}, ${status.toLowerCase()}` : null;
};

const regime: Reader = (c, _entry, language) => {
  const confirmed = /^regime:([^;\s]+); R-REG-2 confirmed: (.*)$/s.exec(c);
  if (confirmed)
    return both(language, {
      da: `Regelsæt ${confirmed[1]} bekræftet (R-REG-2), kilde: ${confirmed[2]}`,
      en: `Rules ${confirmed[1]} confirmed (R-REG-2), source: ${confirmed[2]}`,
    });
  const changes = /^regime-changes:([^;\s]+)$/.exec(c);
  if (changes)
    return both(language, { da: `Forløb der ændres ved regelsæt ${changes[1]}`, en: `Courses changed by the rules ${changes[1]}` });
  const m = /^regime:([^;\s]+)(?:; R-REG-1 ([A-Z_,]+) switched on: (.*?))?(?:; R-FIN-5 rate ([0-9.]+) confirmed: (.*))?$/s.exec(c);
  if (!m) return null;
  const parts = [both(language, { da: `Regelsæt ${m[1]} ændret`, en: `Rules ${m[1]} changed` })];
  if (m[2]) {
    const types = m[2].split(',').map((t) => codeLabel(t, language));
    if (types.some((t) => t === null)) return null;
    parts.push(
      both(language, {
        da: `R-REG-1: ${types.join(', ')} tilbydes (begrundelse: ${m[3]})`,
        en: `R-REG-1: ${types.join(', ')} offered (reason: ${m[3]})`,
      }),
    );
  }
  if (m[4]) {
    const rate = formatsFor(language).formatKr(Number(m[4]));
    parts.push(
      both(language, { da: `R-FIN-5: sats ${rate} bekræftet (kilde: ${m[5]})`, en: `R-FIN-5: rate ${rate} confirmed (source: ${m[5]})` }),
    );
  }
  return parts.join('; ');
};

const effect: Reader = (c, entry, language) => {
  if (!c.startsWith('effect:')) return null;
  const run = /^effect:([A-Z_]+):(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(c);
  if (run) {
    const type = codeLabel(run[1]!, language);
    const starts = period(run[2]!, run[3]!, language);
    return type && starts
      ? both(language, { da: `Effektanalyse: ${type}, første start ${starts}`, en: `Effect analysis: ${type}, first start ${starts}` })
      : null;
  }
  const exported = /^effect:[^:]+:(pdf|xlsx|csv)$/.exec(c);
  if (exported)
    return both(language, {
      da: `Effektanalyse hentet som ${exported[1]!.toUpperCase()}`,
      en: `Effect analysis downloaded as ${exported[1]!.toUpperCase()}`,
    });
  if (/^effect:[^:]+$/.test(c) && entry.action === 'delete')
    return both(language, { da: 'Gemt effektanalyse slettet', en: 'Saved effect analysis deleted' });
  return null;
};

const passive: Reader = (c, _entry, language) => {
  const m = /^passive:(.+)$/.exec(c);
  const on = m ? date(m[1]!, language) : null;
  return on ? both(language, { da: `Passive borgere pr. ${on}`, en: `Passive citizens on ${on}` }) : null;
};

const cohortReport: Reader = (c, _entry, language) => {
  const m = /^report:([a-z-]+):(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2}):(\w+):([\w+]+):([^/]*)\/(.*)$/.exec(c);
  if (!m) return null;
  const [, report, from, to, type, groups, row, column] = m as unknown as string[];
  const name = reportNames.find((r) => r.key === report)?.label[language];
  const starts = period(from!, to!, language);
  const typeText = type === 'all' ? both(language, { da: 'alle typer', en: 'all types' }) : codeLabel(type!, language);
  const groupTexts =
    groups === 'all'
      ? [both(language, { da: 'alle målgrupper', en: 'all target groups' })]
      : groups!.split('+').map((g) => codeLabel(g, language));
  if (!name || !starts || !typeText || groupTexts.some((g) => g === null)) return null;
  return both(language, {
    da: `Borgere bag rapporten «${name}», første start ${starts}, ${typeText}, ${groupTexts.join(', ')}: ${cellKey(row!, language)} · ${cellKey(column!, language)}`,
    en: `Citizens behind the report “${name}”, first start ${starts}, ${typeText}, ${groupTexts.join(', ')}: ${cellKey(row!, language)} · ${cellKey(column!, language)}`,
  });
};

const imports: Reader = (c, _entry, language) => {
  const history = /^import:(citizens|target-groups|grants|offers):(\d+) rows, (\d+) created, (\d+) updated, (\d+) unchanged$/.exec(c);
  if (history) {
    const [, kind, rows, created, updated, unchanged] = history as unknown as string[];
    const n = (x: string) => count(x, language);
    return both(language, {
      da: `Import af sagshistorik (${caseHistoryKinds[kind!]!.da}): ${n(rows!)} linjer, ${n(created!)} oprettet, ${n(updated!)} ændret, ${n(unchanged!)} uændret`,
      en: `Case-history import (${caseHistoryKinds[kind!]!.en}): ${n(rows!)} rows, ${n(created!)} created, ${n(updated!)} updated, ${n(unchanged!)} unchanged`,
    });
  }
  const register = /^import:(long|wide):(.+):(\d+) weeks$/s.exec(c);
  if (!register) return null;
  const layout = textIn(language, register[1] === 'long' ? 'registerLayoutLong' : 'registerLayoutWide');
  const weeks = count(register[3]!, language);
  return both(language, {
    da: `Registerimport (${layout.toLowerCase()}), kodeoversættelse «${register[2]}»: ${weeks} uger`,
    en: `Register import (${layout.toLowerCase()}), mapping “${register[2]}”: ${weeks} weeks`,
  });
};

const deniedStatus: Record<string, Words> = {
  '401': { da: 'Ikke logget ind', en: 'Not logged in' },
  '403': { da: 'Ingen adgang', en: 'No access' },
  '404': { da: 'Findes ikke', en: 'Not found' },
};

const denied: Reader = (c, entry, language) => {
  if (entry.action !== 'access_denied') return null;
  const m = /^(\d{3}) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+)$/.exec(c);
  const status = m ? deniedStatus[m[1]!] : undefined;
  return m && status ? `${status[language]} (${m[1]}): ${m[2]} ${m[3]}` : null;
};

const readers: Reader[] = [
  citizenSearch,
  accessLogSearch,
  login,
  user,
  mentor,
  settings,
  grantDraft,
  grantList,
  regime,
  effect,
  passive,
  cohortReport,
  imports,
  denied,
];

/** The criterion of an access-log row in words, or null when its shape is unknown (show it as stored). */
export function auditCriterionText(entry: AuditEntryCriterion, language: Language): string | null {
  if (entry.criterion === null || entry.criterion === '') return null;
  for (const read of readers) {
    const text = read(entry.criterion, entry, language);
    if (text !== null) return text;
  }
  return null;
}
