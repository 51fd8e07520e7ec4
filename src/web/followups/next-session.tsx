import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { formatClock, helsinkiClock } from '../../domain/date-format';
import type { SessionView } from '../../domain/outreach-views';
import { useLocale } from '../i18n/use-locale';
import { formatWeekdayDay } from '../visitors/format';
import { useUpcomingSessions } from './api';

/** The first session at the site that has not ended yet (today's running one included), skipping cancelled ones. */
export function nextSession(sessions: SessionView[], today: string, nowTime: string): SessionView | null {
  const upcoming = sessions
    .filter((s) => !s.isCancelled && (s.day > today || (s.day === today && s.endsAt > nowTime)))
    .sort((a, b) => a.day.localeCompare(b.day) || a.startsAt.localeCompare(b.startsAt));
  return upcoming[0] ?? null;
}

/** "Next session: Tue 24 Nov 9:00–12:00, Meeting room" — when to ask the visitors on the list. */
export function NextSession({ siteId, today }: { siteId: string; today: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const sessions = useUpcomingSessions(siteId, today);
  // Only a help for planning: while loading or on failure the list itself still works, so say nothing.
  if (!sessions.isSuccess) return null;
  const next = nextSession(sessions.data, today, helsinkiClock(new Date()));
  return (
    <Paragraph mb="m" className="follow-ups-next" data-testid="next-session">
      {next === null
        ? t('followUps.noNextSession')
        : t('followUps.nextSession', {
            day: formatWeekdayDay(next.day, locale),
            start: formatClock(next.startsAt, locale),
            end: formatClock(next.endsAt, locale),
            room: next.room,
          })}
    </Paragraph>
  );
}
