import { useEffect, useState } from 'react';
import { DateInput } from 'suomifi-ui-components';
import { useDatePickerTexts } from '../audit/date-picker-texts';
import { useLocale } from '../i18n/use-locale';

type DateFieldProps = {
  id: string;
  labelText: string;
  hintText?: string;
  value: string;
  onChange: (value: string) => void;
  status?: 'default' | 'error';
  statusText?: string;
  minDate?: Date;
  maxDate?: Date;
};

/**
 * Every date field of the app: suomifi's DateInput with its picker, and the picker's screen-reader
 * texts in the page's language. suomifi names the picker button ("Choose a date, selected date …") only
 * when the value changes, with the texts it had then: on the first render those are its Finnish
 * defaults, and a change of language does not rename it. So the input is mounted anew per language and
 * gets its value one render later, when our texts are in place.
 */
export function DateField(props: DateFieldProps) {
  const { locale } = useLocale();
  return <LocalizedDateInput key={locale} {...props} />;
}

function LocalizedDateInput({ onChange, value, ...props }: DateFieldProps) {
  const { locale } = useLocale();
  const datePickerTexts = useDatePickerTexts();
  const [hasTexts, setHasTexts] = useState(false);
  useEffect(() => setHasTexts(true), []);
  return (
    <DateInput
      {...props}
      value={hasTexts ? value : ''}
      onChange={({ value: typed }) => onChange(typed)}
      datePickerEnabled
      language={locale}
      datePickerTexts={datePickerTexts}
    />
  );
}
