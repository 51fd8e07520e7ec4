import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { formatVisitorCode } from '../../domain/visitor-code';
import { readTypedCode } from '../visitors/code-input';
import { VisitorCodeField } from '../visitors/code-field';

export type RosterEntry = { code: string; isReturning: boolean | null };
type Problem = 'empty' | 'length' | 'typo' | 'duplicate' | null;

type RosterProps = { entries: RosterEntry[]; onChange: (entries: RosterEntry[]) => void; refused: string | null };

/**
 * The visitor codes of those who showed one. A typed code is checked in the browser first (length
 * and check character), so a typo is caught at once and never reaches the server; whether the code
 * was issued and is still in use the server checks when the attendance is saved.
 */
export function CodeRoster({ entries, onChange, refused }: RosterProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [announcement, setAnnouncement] = useState('');

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reading = readTypedCode(typed);
    const next: Problem = reading.kind !== 'valid' ? reading.kind : entries.some((e) => e.code === reading.code) ? 'duplicate' : null;
    setProblem(next);
    if (next !== null || reading.kind !== 'valid') {
      inputRef.current?.focus();
      return;
    }
    onChange([...entries, { code: reading.code, isReturning: null }]);
    setTyped('');
    setAnnouncement(t('groups.roster.addedNotice', { code: formatVisitorCode(reading.code), count: entries.length + 1 }));
    inputRef.current?.focus();
  };
  const remove = (code: string) => {
    onChange(entries.filter((e) => e.code !== code));
    setAnnouncement(t('groups.roster.removedNotice', { code: formatVisitorCode(code), count: entries.length - 1 }));
    inputRef.current?.focus();
  };

  return (
    <section aria-labelledby="roster-heading" className="groups-section">
      <Heading variant="h2" id="roster-heading" mb="s">{t('groups.roster.heading')}</Heading>
      <Paragraph mb="s">{t('groups.roster.intro')}</Paragraph>
      <form noValidate onSubmit={add} className="roster-add">
        <VisitorCodeField
          id="roster-code"
          ref={inputRef}
          labelText={t('groups.roster.codeLabel')}
          hintText={t('groups.roster.codeHint')}
          value={typed}
          problemText={problem === null ? undefined : t(`groups.roster.problem.${problem}`)}
          onChange={(value) => {
            setTyped(value);
            if (problem !== null) setProblem(null);
          }}
        />
        <Button type="submit" variant="secondary" id="roster-add">{t('groups.roster.add')}</Button>
      </form>
      <p role="status" className="visually-hidden">{announcement}</p>
      {entries.length === 0 ? (
        <Paragraph className="muted" id="roster-empty">{t('groups.roster.empty')}</Paragraph>
      ) : (
        <ul className="roster-list" aria-label={t('groups.roster.listLabel', { count: entries.length })} id="roster-list">
          {entries.map((entry) => (
            <li key={entry.code} className={entry.code === refused ? 'roster-item roster-item--refused' : 'roster-item'} data-code={entry.code}>
              <span className="roster-item__code">{formatVisitorCode(entry.code)}</span>
              {entry.isReturning !== null && <span className="muted">{entry.isReturning ? t('groups.roster.returning') : t('groups.roster.first')}</span>}
              {entry.code === refused && <span className="field-error">{t('groups.roster.refusedMark')}</span>}
              <Button variant="secondaryNoBorder" id={`roster-remove-${entry.code}`} onClick={() => remove(entry.code)} aria-label={t('groups.roster.removeLabel', { code: formatVisitorCode(entry.code) })}>
                {t('common.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
