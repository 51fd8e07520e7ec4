import { useTranslation } from 'react-i18next';
import { Checkbox, Paragraph, Textarea, TextInput, TimeInput } from 'suomifi-ui-components';
import type { SessionView } from '../../domain/outreach-views';
import { completeTime } from '../sites/time';
import type { Colleague } from './api';
import { PUBLIC_NOTE_MAX } from './plan-form-values';
import { TranslationFields } from '../common/translation-fields';
import { editFields, type EditValues, hoursFieldId } from './session-edit-values';

type FieldsProps = { values: EditValues; set: (patch: Partial<EditValues>) => void; errors: Record<string, string> };

const statusOf = (errors: Record<string, string>, id: string) => ({ status: errors[id] ? ('error' as const) : ('default' as const), statusText: errors[id] });

/** Start and end time, completed as the user leaves the field ("930" → "9.30"). */
export function TimeFields({ values, set, errors }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="time-pair">
      <TimeInput id={editFields.startsAt} labelText={t('schedule.plan.startsAt')} hintText={t('schedule.plan.timeHint')} value={values.startsAt} onChange={(startsAt) => set({ startsAt })} onBlur={() => set({ startsAt: completeTime(values.startsAt) })} {...statusOf(errors, editFields.startsAt)} />
      <TimeInput id={editFields.endsAt} labelText={t('schedule.plan.endsAt')} hintText={t('schedule.plan.timeHint')} value={values.endsAt} onChange={(endsAt) => set({ endsAt })} onBlur={() => set({ endsAt: completeTime(values.endsAt) })} {...statusOf(errors, editFields.endsAt)} />
    </div>
  );
}

/** The hours of each professional now listed; a new one's field starts empty (= the session's length). */
export function HoursFields({ values, set, errors, people }: FieldsProps & { people: Map<string, string> }) {
  const { t } = useTranslation();
  return (
    <fieldset className="hours-list">
      <legend className="fieldset-legend">{t('schedule.edit.hoursLegend')}</legend>
      <Paragraph>{values.professionalIds.length === 0 ? t('schedule.noProfessionals') : t('schedule.edit.hoursHint')}</Paragraph>
      {values.professionalIds.map((userId) => (
        <TextInput
          key={userId}
          id={hoursFieldId(userId)}
          labelText={t('schedule.edit.hoursOf', { name: people.get(userId) ?? '' })}
          inputMode="decimal"
          autoComplete="off"
          value={values.hours[userId] ?? ''}
          onChange={(value) => set({ hours: { ...values.hours, [userId]: String(value ?? '') } })}
          {...statusOf(errors, hoursFieldId(userId))}
        />
      ))}
    </fieldset>
  );
}

/** What visitors see: the note and whether the session is on the public page at all. */
export function AnnouncementFields({ values, set, errors }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea
        id={editFields.publicNote}
        labelText={t('schedule.plan.publicNote')}
        optionalText={t('common.optional')}
        hintText={t('schedule.plan.publicNoteHint')}
        value={values.publicNote}
        maxLength={PUBLIC_NOTE_MAX}
        onChange={(event) => set({ publicNote: event.target.value })}
        {...statusOf(errors, editFields.publicNote)}
        fullWidth
      />
      <TranslationFields
        idBase={editFields.publicNote}
        fieldLabel={t('schedule.plan.publicNote')}
        values={values.publicNoteTranslations}
        onChange={(publicNoteTranslations) => set({ publicNoteTranslations })}
        multiline
        maxLength={PUBLIC_NOTE_MAX}
      />
      <Checkbox id="session-announced" checked={values.isAnnounced} onClick={({ checkboxState }) => set({ isAnnounced: checkboxState })}>
        {t('schedule.plan.isAnnounced')}
      </Checkbox>
    </>
  );
}

/** The site's colleagues, plus anyone listed on the session who no longer is one (so they can be removed). */
export function pickableColleagues(colleagues: Colleague[], session: SessionView): Colleague[] {
  const known = new Set(colleagues.map((c) => c.id));
  const former = session.professionals.flatMap((p) => (known.has(p.userId) || p.profession === null ? [] : [{ id: p.userId, displayName: p.displayName, profession: p.profession }]));
  return [...colleagues, ...former];
}
