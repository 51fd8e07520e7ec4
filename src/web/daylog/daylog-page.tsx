import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, TextInput, type TextInputValue, Textarea } from 'suomifi-ui-components';
import { uuidv7 } from 'uuidv7';
import type { Me } from '../../domain/api-types';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { useSaveDaylog } from '../api/outreach';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { PageHeading } from '../common/page-heading';
import { SuccessAlert } from '../common/success-alert';
import { today } from '../encounters/encounter-sites';
import { SiteSelect } from '../common/site-select';

type Values = { breakfasts: string; lunches: string; estimatedVisitors: string; closedAt: string; events: string };
const empty: Values = { breakfasts: '', lunches: '', estimatedVisitors: '', closedAt: '', events: '' };
type Field = keyof Values;

const isCount = (text: string): boolean => /^\d{1,5}$/.test(text.trim()) && Number(text) <= 10_000;
const isTime = (text: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(text.trim());

function staffSiteIds(me: Me): string[] {
  return [...new Set(me.roles.filter((r) => r.role === 'daycentre_staff' && r.siteId !== null).map((r) => r.siteId as string))];
}

export function DaylogPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  if (!me) return null;
  const siteIds = staffSiteIds(me);
  return (
    <>
      <PageHeading>{t('daylog.title')}</PageHeading>
      <p className="page-actions">
        <AppLink to="/daylog/month">{t('daylogViews.monthLink')}</AppLink>
      </p>
      {siteIds.length === 0 ? <Paragraph>{t('daylog.notStaff')}</Paragraph> : <DaylogForm me={me} siteIds={siteIds} />}
    </>
  );
}

function DaylogForm({ me, siteIds }: { me: Me; siteIds: string[] }) {
  const { t } = useTranslation();
  const sites = useSites();
  const save = useSaveDaylog(me.id);
  const [siteId, setSiteId] = useState(siteIds[0] ?? '');
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState<'sent' | 'queued' | null>(null);
  const day = today();
  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? id;

  const set = (field: Field) => (value: TextInputValue) => {
    setSaved(null);
    setValues((v) => ({ ...v, [field]: String(value ?? '') }));
  };

  const submit = () => {
    const found: Partial<Record<Field, string>> = {};
    for (const field of ['breakfasts', 'lunches', 'estimatedVisitors'] as const) {
      if (values[field].trim() !== '' && !isCount(values[field])) found[field] = t('daylog.number');
    }
    if (values.closedAt.trim() !== '' && !isTime(values.closedAt)) found.closedAt = t('daylog.time');
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      document.getElementById(`daylog-${first}`)?.focus();
      return;
    }
    const count = (text: string) => (text.trim() === '' ? 0 : Number(text));
    save.mutate(
      {
        siteId,
        day,
        input: {
          id: uuidv7(),
          breakfasts: count(values.breakfasts),
          lunches: count(values.lunches),
          estimatedVisitors: values.estimatedVisitors.trim() === '' ? null : Number(values.estimatedVisitors),
          closedAt: values.closedAt.trim() === '' ? null : values.closedAt.trim(),
          events: values.events.trim(),
        },
      },
      {
        onSuccess: (result) => {
          setSaved(result);
          setValues(empty);
        },
      },
    );
  };

  const numberField = (field: 'breakfasts' | 'lunches' | 'estimatedVisitors') => (
    <div className="encounter-form__field">
      <TextInput
        id={`daylog-${field}`}
        labelText={t(`daylog.${field}`)}
        inputMode="numeric"
        value={values[field]}
        status={errors[field] ? 'error' : 'default'}
        statusText={errors[field]}
        onChange={set(field)}
      />
    </div>
  );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {saved !== null && <SuccessAlert>{t(saved === 'sent' ? 'daylog.saved' : 'daylog.queued')}</SuccessAlert>}
      {save.isError && <ErrorAlert error={save.error} />}
      {siteIds.length > 1 ? (
        <SiteSelect id="daylog-site" label={t('daylog.site')} siteIds={siteIds} value={siteId} onChange={setSiteId} siteName={siteName} />
      ) : null}
      <Paragraph mb="m">{t('daylog.intro', { site: siteName(siteId), day })}</Paragraph>
      {numberField('breakfasts')}
      {numberField('lunches')}
      {numberField('estimatedVisitors')}
      <div className="encounter-form__field">
        <TextInput
          id="daylog-closedAt"
          labelText={t('daylog.closedAt')}
          optionalText={t('common.optional')}
          hintText={t('daylog.closedAtHint')}
          value={values.closedAt}
          status={errors.closedAt ? 'error' : 'default'}
          statusText={errors.closedAt}
          onChange={set('closedAt')}
        />
      </div>
      <div className="encounter-form__field">
        <Textarea
          id="daylog-events"
          labelText={t('daylog.events')}
          optionalText={t('common.optional')}
          value={values.events}
          maxLength={500}
          onChange={(event) => set('events')(event.target.value)}
        />
      </div>
      <Button type="submit" id="daylog-save" disabled={save.isPending || siteId === ''}>
        {t('daylog.save')}
      </Button>
    </form>
  );
}
