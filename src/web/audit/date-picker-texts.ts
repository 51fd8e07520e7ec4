import { useTranslation } from 'react-i18next';
import type { DatePickerTextProps } from 'suomifi-ui-components';
import { monthNames, weekdayNames } from '../../domain/date-format';
import { useLocale } from '../i18n/use-locale';

type Twelve = NonNullable<DatePickerTextProps['monthNames']>;
type Seven = NonNullable<DatePickerTextProps['weekDays']>;

/**
 * The date picker's own texts in the current language (suomifi would otherwise read its Finnish defaults
 * to a screen reader): labels from the translations, month and weekday names (Monday first, as the
 * picker expects) from the one date module.
 */
export function useDatePickerTexts(): DatePickerTextProps {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return {
    openButtonLabel: t('datePicker.open'),
    selectedDateLabel: t('datePicker.selected'),
    closeButtonText: t('datePicker.close'),
    selectButtonText: t('datePicker.select'),
    yearSelectLabel: t('datePicker.year'),
    monthSelectLabel: t('datePicker.month'),
    nextMonthButtonLabel: t('datePicker.nextMonth'),
    prevMonthButtonLabel: t('datePicker.previousMonth'),
    monthNames: monthNames(locale) as Twelve,
    weekDays: weekdayNames(locale, 'long') as Seven,
    weekDayAbbreviations: weekdayNames(locale, 'short') as Seven,
  };
}
