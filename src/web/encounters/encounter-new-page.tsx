import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button, Paragraph } from 'suomifi-ui-components';
import { uuidv7 } from 'uuidv7';
import type { Me } from '../../domain/api-types';
import { registerOf } from '../../domain/org';
import { isValidVisitorCode, normaliseVisitorCode } from '../../domain/visitor-code';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { useCodes, useRecordEncounter, useServices, useSessionsOfDay } from '../api/outreach';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SiteSelect } from '../common/site-select';
import { useLocale } from '../i18n/use-locale';
import { useColleagues } from '../schedule/api';
import { EncounterContent } from './encounter-content';
import { EncounterErrorAlert } from './encounter-error';
import { colleagueChoices, ownCodeOptions } from './encounter-choices';
import { emptyForm, effectiveSession, type FormState, toNewEncounter } from './encounter-form-state';
import { encounterSiteIds, today } from './encounter-sites';
import { useAbilities } from '../auth/use-abilities';
import { EncounterWho } from './encounter-who';
import './encounters.css';

export function EncounterNewPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const siteIds = encounterSiteIds(useAbilities());
  if (!me) return null;
  return (
    <>
      <PageHeading>{t('encounters.newTitle')}</PageHeading>
      {me.profession === null || siteIds.length === 0 ? (
        <Paragraph>{t('encounters.notProfessional')}</Paragraph>
      ) : (
        <EncounterForm me={me} siteIds={siteIds} profession={me.profession} />
      )}
    </>
  );
}

/** The confirmation after a save: it takes the focus, so a screen reader reads it and the next entry starts from the top. */
function SavedNotice({ kind }: { kind: 'sent' | 'queued' }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [kind]);
  return (
    <div ref={ref} id="encounter-saved" className="encounter-saved" role="status" aria-live="polite" tabIndex={-1}>
      <strong>{t('common.done')}</strong> {t(kind === 'sent' ? 'encounters.saved' : 'encounters.queued')}
    </div>
  );
}

function EncounterForm({ me, siteIds, profession }: { me: Me; siteIds: string[]; profession: NonNullable<Me['profession']> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [search] = useSearchParams();
  const sites = useSites();
  const codes = useCodes();
  const services = useServices();
  const [siteId, setSiteId] = useState<string>(() => {
    const asked = search.get('site');
    return asked !== null && siteIds.includes(asked) ? asked : (siteIds[0] ?? '');
  });
  const sessions = useSessionsOfDay(siteId, today());
  const siteColleagues = useColleagues(siteId);
  const record = useRecordEncounter(me.id);
  const [form, setForm] = useState<FormState>(() => ({ ...emptyForm, sessionId: search.get('session') ?? undefined }));
  const [codeError, setCodeError] = useState(false);
  const [saved, setSaved] = useState<{ kind: 'sent' | 'queued'; at: number } | null>(null);

  if (codes.isPending || services.isPending) return <Loading />;
  if (codes.isError) return <ErrorAlert error={codes.error} />;
  if (services.isError) return <ErrorAlert error={services.error} />;

  const update = (patch: Partial<FormState>) => {
    setSaved(null);
    setForm((current) => ({ ...current, ...patch }));
  };
  const daySessions = sessions.data ?? [];
  const sessionId = effectiveSession(form, daySessions);
  const colleagues = colleagueChoices(me.id, daySessions, siteColleagues.data);
  const register = registerOf(profession);

  const save = () => {
    const code = form.visitorCode.trim();
    if (code !== '' && !isValidVisitorCode(code)) {
      setCodeError(true);
      document.getElementById('encounter-visitor-code')?.focus();
      return;
    }
    setCodeError(false);
    const base = { id: uuidv7(), siteId, occurredAt: new Date().toISOString(), myId: me.id, visitorCode: code === '' ? null : normaliseVisitorCode(code), sessionId, referralId: uuidv7() };
    record.mutate(toNewEncounter(base, form), {
      onSuccess: (result) => {
        // The session and the site stay for the next visitor of the same session.
        setForm({ ...emptyForm, sessionId: form.sessionId });
        setSaved({ kind: result, at: Date.now() });
      },
    });
  };

  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? id;
  return (
    <form
      className="encounter-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {saved !== null && <SavedNotice key={saved.at} kind={saved.kind} />}
      {record.isError && <EncounterErrorAlert error={record.error} />}
      <Paragraph mb="m">
        <AppLink to="/encounters">{t('encounters.todayLink')}</AppLink>
      </Paragraph>
      {siteIds.length > 1 ? (
        <SiteSelect id="encounter-site" label={t('encounters.site')} siteIds={siteIds} value={siteId} onChange={(id) => { setSiteId(id); update({ sessionId: undefined }); }} siteName={siteName} />
      ) : (
        <Paragraph mb="m">{t('encounters.siteIs', { site: siteName(siteId) })}</Paragraph>
      )}
      <EncounterWho form={form} update={update} myId={me.id} colleagues={colleagues} sessions={daySessions} sessionId={sessionId} codeError={codeError} />
      <EncounterContent
        form={form}
        update={update}
        myId={me.id}
        colleagues={colleagues}
        needOptions={ownCodeOptions(codes.data, 'need', register, locale)}
        supportOptions={ownCodeOptions(codes.data, 'support', register, locale)}
        services={services.data.filter((s) => s.isActive).sort((a, b) => a.sortOrder - b.sortOrder)}
        canAddReferral
      />
      <div className="encounter-form__actions">
        <Button type="submit" id="encounter-save" disabled={record.isPending || siteId === ''}>
          {t('encounters.save')}
        </Button>
      </div>
    </form>
  );
}
