import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import type { Me } from '../../domain/api-types';
import { useSession } from '../api/auth';
import { useAbilities } from '../auth/use-abilities';
import { namedSiteIds } from '../auth/abilities';
import type { Abilities } from '../../domain/policy';
import { useSites } from '../api/org';
import { AppLink } from '../common/app-link';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SiteSelect } from '../common/site-select';
import { SuccessAlert } from '../common/success-alert';
import { today } from '../encounters/encounter-sites';
import { type DaylogMonth, useDaylogEntryMonth } from './api';
import { DayChoice } from './day-choice';
import { EntryForm } from './entry-form';
import './daylog.css';

/** The sites named in the user's ability to keep the day log (a region-wide grant names none, as before). */
const staffSiteIds = (abilities: Abilities): string[] => namedSiteIds(abilities, 'daylog.write');

export function DaylogPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const abilities = useAbilities();
  if (!me) return null;
  const siteIds = staffSiteIds(abilities);
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
  const [siteId, setSiteId] = useState(siteIds[0] ?? '');
  const [day, setDay] = useState(today);
  const [saved, setSaved] = useState<'sent' | 'queued' | null>(null);
  // Raised to open the form afresh from the saved entry (after a save, or when taking someone else's numbers).
  const [generation, setGeneration] = useState(0);
  const month = useDaylogEntryMonth(siteId, day);
  const lastWindow = useRef<DaylogMonth['writable'] | null>(null);
  if (month.data) lastWindow.current = month.data.writable;
  const window = lastWindow.current ?? { from: today(), to: today() };
  const entry = month.data?.days.find((d) => d.day === day);
  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? id;
  const choose = (change: () => void) => {
    setSaved(null);
    change();
  };

  return (
    <>
      {saved !== null && <SuccessAlert>{t(saved === 'sent' ? 'daylog.saved' : 'daylog.queued')}</SuccessAlert>}
      {siteIds.length > 1 ? (
        <SiteSelect id="daylog-site" label={t('daylog.site')} siteIds={siteIds} value={siteId} onChange={(id) => choose(() => setSiteId(id))} siteName={siteName} />
      ) : null}
      <DayChoice window={window} value={day} onChange={(d) => choose(() => setDay(d))} />
      <Paragraph mb="m">{t('daylog.intro', { site: siteName(siteId), day })}</Paragraph>
      {month.isPending ? (
        <Loading />
      ) : (
        <>
          {entry && <Paragraph mb="m" className="daylog-entry__has-entry">{t('daylogEntry.hasEntry')}</Paragraph>}
          <EntryForm
            key={`${siteId}:${day}:${generation}`}
            userId={me.id}
            siteId={siteId}
            day={day}
            entry={entry}
            isKnown={month.isSuccess}
            onSaved={(result) => {
              setSaved(result);
              if (result === 'sent') setGeneration((g) => g + 1);
            }}
            onConflict={() => month.refetch()}
            onTakeTheirs={() => choose(() => setGeneration((g) => g + 1))}
            onEdit={() => setSaved(null)}
          />
        </>
      )}
    </>
  );
}
