import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup } from 'suomifi-ui-components';
import { useLocale } from '../i18n/use-locale';
import { formatDay } from './dates';
import { holidayLabel, planHolidayDays } from './holiday-label';

export const planHolidaysId = 'plan-holidays';

type Props = { days: string[]; skipped: string[]; onChange: (skipped: string[]) => void; error?: string | undefined };

/**
 * Flags the planned days that fall on a public holiday or an eve, by name. They stay in the plan
 * unless the planner unticks them: a reception on Epiphany may be just what is needed.
 */
export function PlanHolidays({ days, skipped, onChange, error }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const holidayDays = planHolidayDays(days);
  if (holidayDays.length === 0) return null;
  return (
    <CheckboxGroup id={planHolidaysId} labelText={t('schedule.plan.holidays.legend')} groupHintText={t('schedule.plan.holidays.hint')} groupStatus={error ? 'error' : 'default'} groupStatusText={error}>
      {holidayDays.map((day) => (
        <Checkbox
          key={day}
          id={`plan-holiday-${day}`}
          checked={!skipped.includes(day)}
          onClick={({ checkboxState }) => onChange(checkboxState ? skipped.filter((d) => d !== day) : [...skipped, day])}
        >
          {t('schedule.plan.holidays.option', { day: formatDay(day, locale), name: holidayLabel(day, locale) ?? '' })}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}
