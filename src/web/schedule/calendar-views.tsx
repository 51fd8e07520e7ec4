import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../domain/outreach-views';
import { useLocale } from '../i18n/use-locale';
import { byDay, formatDay, formatMonth, monthWeeks, weekdayNames } from './dates';
import { holidayLabel } from './holiday-label';
import { SessionItem } from './session-item';

type ViewProps = { month: string; sessions: SessionView[]; canEdit: boolean };

/**
 * The month as a table, Monday first (desktop). Each cell holds its day's sessions. A screen reader
 * hears the weekday's full name as the column head and can move by rows (weeks) and columns.
 */
export function MonthGrid({ month, sessions, canEdit }: ViewProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const days = byDay(sessions);
  const short = weekdayNames(locale, 'short');
  const long = weekdayNames(locale, 'long');
  return (
    <table className="schedule-grid">
      <caption className="visually-hidden">{t('schedule.monthCaption', { month: formatMonth(month, locale) })}</caption>
      <thead>
        <tr>
          {short.map((name, i) => (
            <th key={name} scope="col">
              <span aria-hidden="true">{name}</span>
              <span className="visually-hidden">{long[i]}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(month).map((week) => (
          <tr key={week.find((d) => d !== null) ?? ''}>
            {week.map((day, i) =>
              day === null ? (
                <td key={`empty-${i}`} className="schedule-grid__outside" />
              ) : (
                <td key={day} data-day={day}>
                  <span className="schedule-grid__date" aria-hidden="true">
                    {Number(day.slice(8, 10))}
                  </span>
                  <span className="visually-hidden">{formatDay(day, locale, 'long')}</span>
                  <HolidayName day={day} />
                  {(days.get(day) ?? []).map((session) => (
                    <SessionItem key={session.id} session={session} canEdit={canEdit} />
                  ))}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The same month as a list of the days that have sessions (phone): no sideways scrolling. */
export function DayList({ sessions, canEdit }: Omit<ViewProps, 'month'>) {
  const { locale } = useLocale();
  return (
    <ol className="schedule-days">
      {[...byDay(sessions)].map(([day, ofDay]) => (
        <li key={day} data-day={day}>
          <h3 className="schedule-days__day">{formatDay(day, locale, 'long')}</h3>
          <HolidayName day={day} />
          <ul className="plain-list">
            {ofDay.map((session) => (
              <li key={session.id}>
                <SessionItem session={session} canEdit={canEdit} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** The public holiday or eve of a day, in words, so a planner sees why a session may be empty. */
function HolidayName({ day }: { day: string }) {
  const { locale } = useLocale();
  const name = holidayLabel(day, locale);
  return name === null ? null : <span className="schedule-holiday">{name}</span>;
}
