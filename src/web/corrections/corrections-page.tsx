import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { helsinkiDay } from '../../domain/calendar';
import { siteIdsFor } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { useSites } from '../api/org';
import { parseDisplayDate, toDisplayDate } from '../audit/audit-filters';
import { formatDate } from '../../domain/date-format';
import { DateField } from '../common/date-field';
import { ErrorAlert } from '../common/error-alert';
import { PageHeading } from '../common/page-heading';
import { SiteSelect } from '../common/site-select';
import { useLocale } from '../i18n/use-locale';
import { CorrectionList } from './correction-list';
import './corrections.css';


/**
 * A coordinator finds an encounter by site and day and corrects or removes it with a reason (issue 17,
 * item 10). The server audits each list read, correction and removal; the report follows its triggers.
 */
export function CorrectionsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const abilities = useAbilities();
  const sites = useSites();
  // The sites where the user may correct entries, of those the site list knows.
  const siteIds = siteIdsFor(abilities, 'encounter.correct', sites.data).filter((id) => sites.data?.some((s) => s.id === id));
  const [chosenSite, setChosenSite] = useState<string | null>(null);
  const siteId = chosenSite ?? siteIds[0] ?? null;
  const [dayText, setDayText] = useState(() => toDisplayDate(helsinkiDay(new Date())));
  const [day, setDay] = useState<string | null>(() => helsinkiDay(new Date()));
  const [dayError, setDayError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? id;

  useEffect(() => {
    if (done !== null) doneRef.current?.focus();
  }, [done]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDisplayDate(dayText);
    setDayError(parsed === null ? t('corrections.errors.day') : null);
    setDone(null);
    if (parsed === null) {
      document.getElementById('corrections-day')?.focus();
      return;
    }
    setDay(parsed);
  };

  return (
    <>
      <PageHeading>{t('corrections.title')}</PageHeading>
      <Paragraph mb="m">{t('corrections.intro')}</Paragraph>
      {sites.isError && <ErrorAlert error={sites.error} />}
      {sites.isSuccess && siteIds.length === 0 && <Paragraph>{t('corrections.noSites')}</Paragraph>}
      {siteId !== null && (
        <>
          <form onSubmit={show} noValidate className="form-stack corrections-filter">
            {siteIds.length > 1 && (
              <SiteSelect id="corrections-site" label={t('corrections.site')} siteIds={siteIds} value={siteId} onChange={(id) => { setChosenSite(id); setDone(null); }} siteName={siteName} />
            )}
            <DateField
              id="corrections-day"
              labelText={t('corrections.day')}
              hintText={t('corrections.dayHint')}
              value={dayText}
              onChange={setDayText}
              status={dayError ? 'error' : 'default'}
              statusText={dayError ?? undefined}
            />
            <div className="page-actions">
              <Button type="submit">{t('corrections.show')}</Button>
            </div>
          </form>
          <div ref={doneRef} tabIndex={-1} role="status" aria-live="polite" className="corrections-done" data-testid="corrections-done">
            {done}
          </div>
          {day !== null && (
            <section aria-labelledby="corrections-list-heading">
              <Heading variant="h2" id="corrections-list-heading" mb="s">
                {t('corrections.listHeading', { site: siteName(siteId), day: formatDate(day, locale) })}
              </Heading>
              <CorrectionList siteId={siteId} day={day} onDone={setDone} />
            </section>
          )}
        </>
      )}
    </>
  );
}
