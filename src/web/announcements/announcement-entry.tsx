import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/org';
import { useLocale } from '../i18n/use-locale';
import { localized } from '../../domain/translations';
import { isoWeekday } from '../../domain/calendar';
import { formatDayMonth, formatTimeRange } from '../../domain/date-format';
import { type Entry, joinList } from './announcement-text';

/** "Tiistaina 1.12. klo 9.00–12.00": when, in one line, the way a notice board says it. */
export function useWhen(): (entry: Pick<Entry, 'day' | 'startsAt' | 'endsAt'>) => string {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (entry) =>
    t('announcements.when', {
      weekday: t(`announcements.weekday.${isoWeekday(entry.day) as 1 | 2 | 3 | 4 | 5 | 6 | 7}`),
      date: formatDayMonth(entry.day, locale),
      time: formatTimeRange(entry.startsAt, entry.endsAt, locale),
    });
}

function Details({ entry, locale }: { entry: Entry; locale: Locale }) {
  const { t } = useTranslation();
  if (entry.type === 'group') {
    const { group } = entry;
    return (
      <>
        <p>{t('announcements.groupName', { name: group.name })}</p>
        {group.theme !== null && group.theme !== '' && <p>{t('announcements.groupTheme', { theme: group.theme })}</p>}
        {group.description !== '' && <p>{localized(group.description, group.descriptionTranslations, locale)}</p>}
      </>
    );
  }
  const { session } = entry;
  // Professions only, never names: a visitor learns what kind of help is there, not who.
  const professions = session.professions.map((p) => t(`announcements.profession.${p}`));
  return (
    <>
      {session.kind !== 'reception' && <p>{t(`announcements.kind.${session.kind}`)}</p>}
      {professions.length > 0 && <p>{t('announcements.present', { professions: joinList(professions, locale) })}</p>}
      {session.publicNote !== '' && <p>{localized(session.publicNote, session.publicNoteTranslations, locale)}</p>}
    </>
  );
}

const roomTranslations = (entry: Entry) => (entry.type === 'group' ? entry.group.roomTranslations : entry.session.roomTranslations);

/** One session or group: when as its heading, then who (by profession), where and any note. */
export function AnnouncementEntry({ entry, headingLevel }: { entry: Entry; headingLevel: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const when = useWhen();
  const Heading = headingLevel;
  return (
    <li className={`announcement-entry announcement-entry--${entry.type}`} data-day={entry.day}>
      <Heading className="announcement-entry__when">{when(entry)}</Heading>
      <Details entry={entry} locale={locale} />
      {entry.room !== '' && <p>{t('announcements.room', { room: localized(entry.room, roomTranslations(entry), locale) })}</p>}
    </li>
  );
}
