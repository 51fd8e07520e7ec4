import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../domain/outreach-views';
import { AppLink } from '../common/app-link';
import { professionLabel } from '../common/labels';
import { useLocale } from '../i18n/use-locale';
import { displayTime, formatDay } from './dates';
import './schedule.css';

export function useTimeRange(): (session: Pick<SessionView, 'startsAt' | 'endsAt'>) => string {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (session) => t('schedule.timeRange', { startsAt: displayTime(session.startsAt, locale), endsAt: displayTime(session.endsAt, locale) });
}

/** "Peruttu" in words, not only by colour or strike-through, so that everyone can tell. */
export function CancelledBadge() {
  const { t } = useTranslation();
  return <strong className="session-badge session-badge--cancelled">{t('schedule.cancelled')}</strong>;
}

type SessionItemProps = { session: SessionView; canEdit: boolean; showPeople?: boolean; extra?: string };

/** One session: time, room, who is present, whether it is cancelled, and an edit link for managers. */
export function SessionItem({ session, canEdit, showPeople = true, extra }: SessionItemProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const timeRange = useTimeRange();
  const time = timeRange(session);
  const day = formatDay(session.day, locale);
  const names = session.professionals.map((p) =>
    p.profession === null ? p.displayName : t('schedule.professionalWithProfession', { name: p.displayName, profession: professionLabel(t, p.profession) }),
  );
  return (
    <div className={session.isCancelled ? 'session-item session-item--cancelled' : 'session-item'} data-session-id={session.id} data-day={session.day}>
      <p className="session-item__time">
        <span className="session-item__hours">{time}</span>
        {session.isCancelled && <> <CancelledBadge /></>}
      </p>
      <p className="session-item__room">{session.room === '' ? t('schedule.noRoom') : session.room}</p>
      {showPeople && <p className="session-item__people">{names.length === 0 ? t('schedule.noProfessionals') : names.join(', ')}</p>}
      {extra !== undefined && <p className="session-item__extra">{extra}</p>}
      {canEdit && (
        <p className="session-item__edit">
          <AppLink to={`/schedule/sessions/${session.id}`}>
            <span aria-hidden="true">{t('schedule.editLink')}</span>
            <span className="visually-hidden">{t('schedule.editLabel', { day, time })}</span>
          </AppLink>
        </p>
      )}
    </div>
  );
}
