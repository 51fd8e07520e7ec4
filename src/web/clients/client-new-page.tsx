import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Checkbox, Paragraph, RadioButton, RadioButtonGroup, Textarea, TextInput } from 'suomifi-ui-components';
import { contactSources } from '../../domain/clients/process';
import { contactPreferences, type ClientInput } from '../../domain/clients/schemas';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { siteIdsFor } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { FormSubmit } from '../common/form-submit';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SelectField } from '../common/select-field';
import { useLocale } from '../i18n/use-locale';
import { useMunicipalities } from '../municipalities/api';
import { type LookupAnswer, useColleagues, useCreateClient, useLookupClients } from './api';
import { checkClient, clientFields, emptyClient, lookupSubject, type ClientValues } from './client-form-values';
import { identityCodeErrorKey } from './identity-code-error';
import { LookupResult } from './lookup-result';
import { serviceLanguages } from './languages';
import './clients.css';

/** What the client page says after the contact was registered. */
export type ClientCreatedNotice = { clientCreated: true };

type Checked = { subject: string; answer: LookupAnswer };

/**
 * Registers a contact (SHL § 35 contact or notification) and the client. Before anything is saved the
 * existing-client check runs (same identity code, same name); when it finds someone the worker sees who
 * and their own worker, and saves only by saying this is a different person (requirements § 1.3 rule 2).
 */
export function ClientNewPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const abilities = useAbilities();
  const sites = useSites();
  const municipalities = useMunicipalities();
  const lookup = useLookupClients();
  const create = useCreateClient();
  const siteIds = siteIdsFor(abilities, 'client.create', sites.data);
  const siteOptions = (sites.data ?? []).filter((s) => s.isActive && siteIds.includes(s.id));
  const [values, setValues] = useState<ClientValues>(() => emptyClient(''));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [checked, setChecked] = useState<Checked | null>(null);
  const siteId = values.siteId !== '' ? values.siteId : siteOptions.length === 1 ? siteOptions[0]!.id : '';
  const set = (patch: Partial<ClientValues>) => setValues((old) => ({ ...old, ...patch }));
  const colleagues = useColleagues(siteId);
  const me = useSession().data?.user.id;
  const handlers = siteId === '' ? [] : (colleagues.data ?? []).filter((c) => c.id !== me);

  // The server's refusal of the code (e.g. registered already) is shown at the field, in the user's language.
  const serverCodeKey = identityCodeErrorKey(create.error) ?? identityCodeErrorKey(lookup.error);
  const shown = serverCodeKey ? { ...problems, [clientFields.identityCode]: t(serverCodeKey as 'clients.identityCode.checksum') } : problems;
  const otherError = create.isError && !identityCodeErrorKey(create.error) ? create.error : lookup.isError && !identityCodeErrorKey(lookup.error) ? lookup.error : null;

  const save = (input: Omit<ClientInput, 'existingClientsChecked'>) =>
    create.mutate({ ...input, existingClientsChecked: true }, { onSuccess: (client) => void navigate(`/clients/${client.id}`, { state: { clientCreated: true } satisfies ClientCreatedNotice }) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.reset();
    lookup.reset();
    const { input, problems: found } = checkClient({ ...values, siteId });
    setProblems(Object.fromEntries(Object.entries(found).map(([field, p]) => [field, t(p.key as 'clients.form.errors.nameRequired', p.values ?? {})])));
    setAttempt((n) => n + 1);
    if (!input) return;
    const subject = lookupSubject(input);
    // The same person checked already and a match seen: this submit is not the confirmation (the button below is).
    if (checked?.subject === subject && checked.answer.matches.length > 0) return;
    lookup.mutate({ name: input.name, ...(input.identityCode ? { identityCode: input.identityCode } : {}) }, {
      onSuccess: (answer) => {
        setChecked({ subject, answer });
        if (answer.matches.length === 0) save(input);
      },
    });
  };

  const confirmDifferentPerson = () => {
    const { input } = checkClient({ ...values, siteId });
    if (input && checked?.subject === lookupSubject(input)) save(input);
  };

  const status = (field: string) => ({ status: shown[field] ? ('error' as const) : ('default' as const), statusText: shown[field] });
  const activeMunicipalities = (municipalities.data ?? []).filter((m) => m.isActive);
  const current = checkClient({ ...values, siteId }).input;
  const stillChecked = checked !== null && current !== null && checked.subject === lookupSubject(current);

  return (
    <div className="form-page">
      <AppLink to="/clients" className="back-link">{t('clients.page.back')}</AppLink>
      <PageHeading>{t('clients.form.title')}</PageHeading>
      <Paragraph mb="l">{t('clients.form.intro')}</Paragraph>
      {(sites.isPending || municipalities.isPending) && <Loading />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      <form onSubmit={submit} noValidate className="form-stack client-form">
        <FormErrorSummary errors={shown} attempt={attempt} />
        {otherError !== null && <ErrorAlert error={otherError} />}
        <fieldset className="client-form__group">
          <legend>{t('clients.form.identityTitle')}</legend>
          {siteOptions.length > 1 && (
            <SelectField id={clientFields.siteId} label={t('clients.form.site')} value={siteId} onChange={(v) => set({ siteId: v })} options={[{ value: '', label: t('clients.form.choose') }, ...siteOptions.map((s) => ({ value: s.id, label: s.name }))]} />
          )}
          <TextInput id={clientFields.name} labelText={t('clients.form.name')} value={values.name} onChange={(v) => set({ name: String(v ?? '') })} autoComplete="off" maxLength={250} {...status(clientFields.name)} />
          <TextInput
            id={clientFields.identityCode}
            labelText={t('clients.form.identityCode')}
            optionalText={t('common.optional')}
            hintText={t('clients.form.identityCodeHint')}
            value={values.identityCode}
            onChange={(v) => set({ identityCode: String(v ?? '') })}
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            {...status(clientFields.identityCode)}
          />
          <SelectField id="client-language" label={t('clients.form.language')} value={values.preferredLanguage} onChange={(v) => set({ preferredLanguage: v })} options={serviceLanguages.map((l) => ({ value: l, label: t(`clients.languages.${l}`) }))} />
          <SelectField
            id="client-municipality"
            label={t('clients.form.municipality')}
            value={values.municipalityCode}
            onChange={(v) => set({ municipalityCode: v })}
            options={[{ value: '', label: t('clients.form.municipalityNone') }, ...activeMunicipalities.map((m) => ({ value: m.code, label: m.names[locale] }))]}
          />
          <SelectField id="client-contact-preference" label={t('clients.form.contactPreference')} value={values.contactPreference} onChange={(v) => set({ contactPreference: v })} options={contactPreferences.map((p) => ({ value: p, label: t(`clients.contactPreferences.${p}`) }))} />
        </fieldset>
        <fieldset className="client-form__group">
          <legend>{t('clients.form.contactTitle')}</legend>
          <RadioButtonGroup
            id="client-source"
            name="source"
            labelText={t('clients.form.source')}
            value={values.source}
            onChange={(v) => set({ source: v as ClientValues['source'] })}
            groupStatus={shown[clientFields.source] ? 'error' : 'default'}
            groupStatusText={shown[clientFields.source]}
          >
            {contactSources.map((s) => (
              <RadioButton key={s} id={`client-source-${s}`} value={s}>{t(`clients.sources.${s}`)}</RadioButton>
            ))}
          </RadioButtonGroup>
          <Checkbox id="client-statutory-group" checked={values.isStatutoryGroup} onClick={({ checkboxState }) => set({ isStatutoryGroup: checkboxState })}>
            {t('clients.form.statutoryGroup')}
          </Checkbox>
          {handlers.length > 0 && (
            <div>
              <SelectField id="client-handler" label={t('clients.form.handler')} value={values.handlerId} onChange={(handlerId) => set({ handlerId })} options={[{ value: '', label: t('clients.form.handlerMe') }, ...handlers.map((c) => ({ value: c.id, label: c.displayName }))]} />
              <p className="muted client-form__hint">{t('clients.form.handlerHint')}</p>
            </div>
          )}
          <Textarea id={clientFields.need} labelText={t('clients.form.need')} hintText={t('clients.form.needHint')} value={values.need} onChange={(e) => set({ need: e.target.value })} {...status(clientFields.need)} fullWidth />
        </fieldset>
        {lookup.isPending && <p role="status">{t('clients.lookup.checking')}</p>}
        {stillChecked && checked.answer.matches.length > 0 && (
          <LookupResult answer={checked.answer} isPending={create.isPending} onConfirm={confirmDifferentPerson} />
        )}
        <FormSubmit id="client-submit" isPending={lookup.isPending || create.isPending}>{t('clients.form.submit')}</FormSubmit>
      </form>
    </div>
  );
}
