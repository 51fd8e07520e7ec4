import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale';
import type { Locale } from '../../domain/org';
import type { SessionView } from '../../domain/outreach-views';
import { SelectField } from '../common/select-field';
import { displayTime } from '../schedule/dates';
import { type FormSummary } from './api';
import { formText } from './question-inputs';

/** Where the feedback is tied: the site alone, or one of today's outreach or group sessions. `o:<id>` / `g:<id>`. */
export type ContextChoice = string;
export type TodaysGroup = { id: string; name: string; startsAt: string; endsAt: string };

export function contextOf(siteId: string, choice: ContextChoice) {
  if (choice.startsWith('o:')) return { siteId, outreachSessionId: choice.slice(2) };
  if (choice.startsWith('g:')) return { siteId, groupSessionId: choice.slice(2) };
  return { siteId };
}

/** Active forms, visitors' forms first (what a kiosk or a QR link is mostly for). */
export function collectableForms(forms: FormSummary[]): FormSummary[] {
  const active = forms.filter((f) => f.isActive);
  return [...active.filter((f) => f.audience === 'visitor'), ...active.filter((f) => f.audience !== 'visitor')];
}

export function FormField({ forms, value, onChange, locale }: { forms: FormSummary[]; value: string; onChange: (id: string) => void; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <SelectField
      id="collect-form"
      label={t('feedbackCollect.collect.form')}
      value={value}
      onChange={onChange}
      options={forms.map((f) => ({
        value: f.id,
        label: f.audience === 'visitor' ? formText(f.name, locale) : t('feedbackCollect.collect.staffForm', { name: formText(f.name, locale) }),
      }))}
    />
  );
}

export function ContextField({ outreach, groups, value, onChange }: { outreach: SessionView[]; groups: TodaysGroup[]; value: ContextChoice; onChange: (choice: ContextChoice) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const time = (s: { startsAt: string; endsAt: string }) => t('schedule.timeRange', { startsAt: displayTime(s.startsAt, locale), endsAt: displayTime(s.endsAt, locale) });
  return (
    <SelectField
      id="collect-context"
      label={t('feedbackCollect.collect.context')}
      value={value}
      onChange={onChange}
      options={[
        { value: '', label: t('feedbackCollect.collect.wholeSite') },
        ...outreach.map((s) => ({ value: `o:${s.id}`, label: t('feedbackCollect.collect.outreachToday', { time: time(s) }) })),
        ...groups.map((g) => ({ value: `g:${g.id}`, label: t('feedbackCollect.collect.groupToday', { name: g.name, time: time(g) }) })),
      ]}
    />
  );
}
