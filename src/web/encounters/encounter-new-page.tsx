import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, TextInput } from 'suomifi-ui-components';
import { uuidv7 } from 'uuidv7';
import type { Me } from '../../domain/api-types';
import { type AgeBand, ageBands } from '../../domain/code-lists';
import { type ReferralWay, referralWays } from '../../domain/outreach';
import type { SessionView } from '../../domain/outreach-views';
import { registerOf } from '../../domain/org';
import { isValidVisitorCode, normaliseVisitorCode } from '../../domain/visitor-code';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { useCodes, useRecordEncounter, useServices, useSessionsOfDay } from '../api/outreach';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SuccessAlert } from '../common/success-alert';
import { useLocale } from '../i18n/use-locale';
import { ChoiceGroup } from './toggle-buttons';
import { professionalSiteIds, today } from './encounter-sites';
import { SiteSelect } from '../common/site-select';
import { type Colleague, useColleagues } from '../schedule/api';

type Visit = 'first' | 'repeat' | 'unknown';
type Referral = { serviceId: string | null; way: ReferralWay };

type FormState = {
  colleagueIds: string[];
  visitorCode: string;
  visit: Visit;
  ageBand: AgeBand | null;
  needs: string[];
  support: string[];
  isUrgent: boolean;
  referral: Referral | null;
};

const emptyForm: FormState = {
  colleagueIds: [],
  visitorCode: '',
  visit: 'unknown',
  ageBand: null,
  needs: [],
  support: [],
  isUrgent: false,
  referral: null,
};

/**
 * Who can be added to a joint encounter: today's session professionals first (the likely partners),
 * then the rest of the site's colleagues by name. Without the directory (offline with no copy yet),
 * today's session professionals alone.
 */
function colleagueChoices(myId: string, sessions: SessionView[], directory: Colleague[] | undefined): Map<string, string> {
  const choices = new Map<string, string>();
  const known = directory ? new Set(directory.map((c) => c.id)) : null;
  for (const session of sessions) {
    for (const p of session.professionals) if (p.userId !== myId && (known === null || known.has(p.userId))) choices.set(p.userId, p.displayName);
  }
  for (const c of directory ?? []) if (c.id !== myId && !choices.has(c.id)) choices.set(c.id, c.displayName);
  return choices;
}

const toggle = (list: string[], value: string): string[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

export function EncounterNewPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  if (!me) return null;
  const siteIds = professionalSiteIds(me);
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

function EncounterForm({ me, siteIds, profession }: { me: Me; siteIds: string[]; profession: NonNullable<Me['profession']> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const register = registerOf(profession);
  const sites = useSites();
  const codes = useCodes();
  const services = useServices();
  const [siteId, setSiteId] = useState<string>(siteIds[0] ?? '');
  const day = today();
  const sessions = useSessionsOfDay(siteId, day);
  const siteColleagues = useColleagues(siteId);
  const record = useRecordEncounter(me.id);
  const [form, setForm] = useState<FormState>(emptyForm);
  const [codeError, setCodeError] = useState(false);
  const [saved, setSaved] = useState<'sent' | 'queued' | null>(null);

  if (codes.isPending || services.isPending) return <Loading />;
  if (codes.isError) return <ErrorAlert error={codes.error} />;
  if (services.isError) return <ErrorAlert error={services.error} />;

  const update = (patch: Partial<FormState>) => {
    setSaved(null);
    setForm((current) => ({ ...current, ...patch }));
  };
  const ownCodes = (kind: 'need' | 'support') =>
    codes.data
      .filter((c) => c.kind === kind && c.register === register && c.isActive)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((c) => ({ value: `${c.register}:${c.code}`, label: c.labels[locale] }));
  const colleagues = colleagueChoices(me.id, sessions.data ?? [], siteColleagues.data);
  const hasCode = form.visitorCode.trim() !== '';
  const activeServices = services.data.filter((s) => s.isActive).sort((a, b) => a.sortOrder - b.sortOrder);

  const save = () => {
    const code = form.visitorCode.trim();
    if (code !== '' && !isValidVisitorCode(code)) {
      setCodeError(true);
      document.getElementById('encounter-visitor-code')?.focus();
      return;
    }
    setCodeError(false);
    const referral = form.referral;
    record.mutate(
      {
        id: uuidv7(),
        siteId,
        occurredAt: new Date().toISOString(),
        professionalIds: [me.id, ...form.colleagueIds],
        visitorCode: code === '' ? null : normaliseVisitorCode(code),
        isFirstVisit: code !== '' || form.visit === 'unknown' ? null : form.visit === 'first',
        ageBand: form.ageBand ?? 'unknown',
        needs: form.needs,
        support: form.support,
        isUrgent: form.isUrgent,
        referrals:
          referral?.serviceId
            ? [{ id: uuidv7(), serviceId: referral.serviceId, way: referral.way, status: 'suggested', followUpOn: null, memo: null }]
            : [],
      },
      {
        onSuccess: (result) => {
          setForm(emptyForm);
          setSaved(result);
          window.scrollTo({ top: 0 });
        },
      },
    );
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
      {saved !== null && <SuccessAlert>{t(saved === 'sent' ? 'encounters.saved' : 'encounters.queued')}</SuccessAlert>}
      {record.isError && <ErrorAlert error={record.error} />}
      <Paragraph mb="m">
        <AppLink to="/encounters">{t('encounters.todayLink')}</AppLink>
      </Paragraph>
      {siteIds.length > 1 ? (
        <SiteSelect id="encounter-site" label={t('encounters.site')} siteIds={siteIds} value={siteId} onChange={setSiteId} siteName={siteName} />
      ) : (
        <Paragraph mb="m">{t('encounters.siteIs', { site: siteName(siteId) })}</Paragraph>
      )}

      <ChoiceGroup
        name="age"
        size="large"
        legend={t('encounters.ageBand')}
        options={ageBands.map((a) => ({ value: a, label: t(`enums.ageBand.${a}`) }))}
        selected={form.ageBand === null ? [] : [form.ageBand]}
        onToggle={(a) => update({ ageBand: form.ageBand === a ? null : a })}
      />

      {!hasCode && (
        <ChoiceGroup
          name="visit"
          size="large"
          legend={t('encounters.visit')}
          options={(['first', 'repeat', 'unknown'] as const).map((v) => ({ value: v, label: t(`encounters.visitOption.${v}`) }))}
          selected={[form.visit]}
          onToggle={(v) => update({ visit: v })}
        />
      )}

      <ChoiceGroup
        name="need"
        legend={t('encounters.needs')}
        options={ownCodes('need')}
        selected={form.needs}
        onToggle={(c) => update({ needs: toggle(form.needs, c) })}
      />
      <ChoiceGroup
        name="support"
        legend={t('encounters.support')}
        options={ownCodes('support')}
        selected={form.support}
        onToggle={(c) => update({ support: toggle(form.support, c) })}
      />

      <ChoiceGroup
        name="urgent"
        legend={t('encounters.urgentLegend')}
        options={[{ value: 'urgent', label: t('encounters.urgent') }]}
        selected={form.isUrgent ? ['urgent'] : []}
        onToggle={() => update({ isUrgent: !form.isUrgent })}
      />

      <div className="encounter-form__field">
        <button
          type="button"
          className="choice-button"
          data-choice="referral:add"
          aria-expanded={form.referral !== null}
          aria-controls="encounter-referral"
          onClick={() => update({ referral: form.referral === null ? { serviceId: null, way: 'advised' } : null })}
        >
          {form.referral === null ? t('encounters.addReferral') : t('encounters.removeReferral')}
        </button>
      </div>
      <div id="encounter-referral">
        {form.referral !== null && (
          <ChoiceGroup
            name="service"
            legend={t('encounters.service')}
            options={activeServices.map((s) => ({ value: s.id, label: s.names[locale] }))}
            selected={form.referral.serviceId === null ? [] : [form.referral.serviceId]}
            onToggle={(id) =>
              form.referral && update({ referral: { ...form.referral, serviceId: form.referral.serviceId === id ? null : id } })
            }
          >
            <div className="encounter-form__field">
              <label className="encounter-form__label" htmlFor="encounter-way">
                {t('encounters.way')}
              </label>
              <select
                id="encounter-way"
                className="encounter-form__select"
                value={form.referral.way}
                onChange={(e) => form.referral && update({ referral: { ...form.referral, way: e.target.value as ReferralWay } })}
              >
                {referralWays.map((w) => (
                  <option key={w} value={w}>
                    {t(`enums.referralWay.${w}`)}
                  </option>
                ))}
              </select>
            </div>
          </ChoiceGroup>
        )}
      </div>

      {colleagues.size > 0 && (
        <ChoiceGroup
          name="colleague"
          legend={t('encounters.colleagues')}
          hint={t('encounters.colleaguesHint')}
          options={[...colleagues].map(([id, name]) => ({ value: id, label: name }))}
          selected={form.colleagueIds}
          onToggle={(id) => update({ colleagueIds: toggle(form.colleagueIds, id) })}
        />
      )}

      <div className="encounter-form__field">
        <TextInput
          id="encounter-visitor-code"
          labelText={t('encounters.visitorCode')}
          optionalText={t('common.optional')}
          hintText={t('encounters.visitorCodeHint')}
          value={form.visitorCode}
          autoComplete="off"
          status={codeError ? 'error' : 'default'}
          statusText={codeError ? t('encounters.visitorCodeInvalid') : undefined}
          onChange={(value) => update({ visitorCode: String(value ?? '') })}
        />
      </div>

      <Button type="submit" id="encounter-save" disabled={record.isPending || siteId === ''}>
        {t('encounters.save')}
      </Button>
    </form>
  );
}
