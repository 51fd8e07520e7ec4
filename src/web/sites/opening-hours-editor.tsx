import { useTranslation } from 'react-i18next';
import { Button, TimeInput } from 'suomifi-ui-components';
import { weekdayLabel } from '../common/labels';
import { type FieldErrors, type HoursRow, hoursFieldId, newRowKey } from './site-form-values';
import { completeTime } from './time';

type OpeningHoursEditorProps = { rows: HoursRow[]; errors: FieldErrors; onChange: (rows: HoursRow[]) => void };

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** One fieldset per weekday; a day without periods is closed, a day may have several (a lunch break). */
export function OpeningHoursEditor({ rows, errors, onChange }: OpeningHoursEditorProps) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<HoursRow>): void =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = (weekday: number): void =>
    onChange([...rows, { key: newRowKey(), weekday, opens: '8.00', closes: '16.00' }]);
  const remove = (key: string): void => onChange(rows.filter((row) => row.key !== key));

  return (
    <fieldset className="hours-editor">
      <legend className="fieldset-legend">{t('sites.hours.legend')}</legend>
      {weekdays.map((weekday) => {
        const day = weekdayLabel(t, weekday);
        const dayRows = rows.filter((row) => row.weekday === weekday);
        return (
          <fieldset key={weekday} className="hours-day">
            <legend className="hours-day__name">{day}</legend>
            {dayRows.length === 0 && <p className="muted hours-day__closed">{t('sites.hours.closed')}</p>}
            {dayRows.map((row) => (
              <div key={row.key} className="hours-row">
                <TimeInput
                  id={hoursFieldId(row, 'opens')}
                  labelText={t('sites.hours.opens')}
                  value={row.opens}
                  onChange={(value) => update(row.key, { opens: value })}
                  onBlur={() => update(row.key, { opens: completeTime(row.opens) })}
                  status={errors[hoursFieldId(row, 'opens')] ? 'error' : 'default'}
                  statusText={errors[hoursFieldId(row, 'opens')]}
                />
                <TimeInput
                  id={hoursFieldId(row, 'closes')}
                  labelText={t('sites.hours.closes')}
                  value={row.closes}
                  onChange={(value) => update(row.key, { closes: value })}
                  onBlur={() => update(row.key, { closes: completeTime(row.closes) })}
                  status={errors[hoursFieldId(row, 'closes')] ? 'error' : 'default'}
                  statusText={errors[hoursFieldId(row, 'closes')]}
                />
                <Button
                  variant="secondaryNoBorder"
                  className="hours-row__remove"
                  onClick={() => remove(row.key)}
                  aria-label={t('sites.hours.removeLabel', { day, opens: row.opens, closes: row.closes })}
                >
                  {t('common.remove')}
                </Button>
              </div>
            ))}
            <Button variant="secondary" onClick={() => add(weekday)} aria-label={t('sites.hours.addLabel', { day })}>
              {t('sites.hours.add')}
            </Button>
          </fieldset>
        );
      })}
    </fieldset>
  );
}
