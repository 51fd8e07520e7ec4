import { useTranslation } from 'react-i18next';
import type { DatePickerTextProps } from 'suomifi-ui-components';

type Twelve = NonNullable<DatePickerTextProps['monthNames']>;
type Seven = NonNullable<DatePickerTextProps['weekDays']>;

function names(locale: string, count: number, make: (index: number) => Date, options: Intl.DateTimeFormatOptions): string[] {
  const format = new Intl.DateTimeFormat(locale, options);
  return Array.from({ length: count }, (_, index) => format.format(make(index)));
}

// 2024-01-01 was a Monday, so index 0..6 gives Monday..Sunday as the picker expects.
const monday = (index: number): Date => new Date(2024, 0, 1 + index);

/** The date picker's own texts in the current language: labels from the translations, names from Intl. */
export function useDatePickerTexts(): DatePickerTextProps {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return {
    openButtonLabel: t('datePicker.open'),
    selectedDateLabel: t('datePicker.selected'),
    closeButtonText: t('datePicker.close'),
    selectButtonText: t('datePicker.select'),
    yearSelectLabel: t('datePicker.year'),
    monthSelectLabel: t('datePicker.month'),
    nextMonthButtonLabel: t('datePicker.nextMonth'),
    prevMonthButtonLabel: t('datePicker.previousMonth'),
    monthNames: names(locale, 12, (index) => new Date(2024, index, 1), { month: 'long' }) as Twelve,
    weekDays: names(locale, 7, monday, { weekday: 'long' }) as Seven,
    weekDayAbbreviations: names(locale, 7, monday, { weekday: 'short' }) as Seven,
  };
}
