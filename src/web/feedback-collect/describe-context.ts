import { useTranslation } from 'react-i18next';
import type { LinkView } from '../../domain/feedback';
import type { Locale } from '../../domain/org';
import { formatDay } from '../schedule/dates';
import type { FormSummary } from './api';

type ContextView = LinkView['context'];

/**
 * Names a kiosk's or link's form and place for staff lists. Kept apart from the answer flow's
 * components so that the home page's quota alarms do not load them.
 */
export function useDescribe(forms: FormSummary[], locale: Locale) {
  const { t } = useTranslation();
  const formName = (formId: string) => {
    const form = forms.find((f) => f.id === formId);
    return form ? form.name[locale] || form.name.fi : '';
  };
  const where = (c: ContextView) =>
    c.groupName !== null ? t('feedbackCollect.open.group', { name: c.groupName, day: formatDay(c.day ?? '', locale) })
    : c.outreachSessionId !== null ? t('feedbackCollect.open.outreach', { day: formatDay(c.day ?? '', locale) })
    : t('feedbackCollect.collect.wholeSite');
  return { formName, where };
}
