import { useTranslation } from 'react-i18next';
import { addDays } from '../../domain/calendar';
import { formatWeekdayDate } from '../../domain/date-format';
import { SelectField } from '../common/select-field';
import { useLocale } from '../i18n/use-locale';

/** The days that may be logged now, newest first: today and the back-dating window before it. */
export function daysOf(window: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let day = window.to; day >= window.from && days.length < 400; day = addDays(day, -1)) days.push(day);
  return days;
}

/** Chooses the day to log; a forgotten day can still be filled in within the window the server allows. */
export function DayChoice({ window, value, onChange }: { window: { from: string; to: string }; value: string; onChange: (day: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const label = (day: string) => formatWeekdayDate(day, locale);
  const options = daysOf(window).map((day) => ({ value: day, label: day === window.to ? t('daylogEntry.today', { date: label(day) }) : label(day) }));
  return <SelectField id="daylog-day" label={t('daylogEntry.day')} value={value} onChange={onChange} options={options} />;
}
