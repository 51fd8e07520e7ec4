import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { consentPurposes, type ClientDetail } from '../../domain/clients/schemas';
import { toDisplayDate } from '../audit/audit-filters';
import { useUnits } from '../api/org';
import { type Column, DataTable } from '../common/data-table';
import { DateField } from '../common/date-field';
import { formatDate, formatDateTime } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { SelectField } from '../common/select-field';
import { SuccessAlert } from '../common/success-alert';
import { today } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import { useColleagues, useGrantConsent, useRevokeConsent } from './api';
import { checkConsent, consentFields, type ConsentValues } from './consent-form-values';

type Consent = ClientDetail['consents'][number];

/**
 * Consents: what may be shared with whom, from when to when. A consent is never deleted: revoking ends
 * it from now on and it stays listed. The server audits every grant and revocation.
 */
export function ConsentsSection({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const revoke = useRevokeConsent(client.id);
  const units = useUnits();
  const [notice, setNotice] = useState<string | null>(null);
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.name ?? null;

  const grantee = (c: Consent): string => {
    if (c.granteeKind === 'none') return t('clients.consents.nobody');
    if (c.granteeKind === 'external') return c.granteeName ?? t('clients.consents.external');
    if (c.granteeKind === 'unit') return unitName(c.granteeId) ?? t('clients.consents.unknownGrantee');
    return c.granteeName ?? t('clients.consents.unknownGrantee');
  };
  const status = (c: Consent): string => {
    if (c.revokedAt !== null) return t('clients.consents.revoked', { date: formatDateTime(c.revokedAt, locale) });
    return c.isActive ? t('clients.consents.active') : t('clients.consents.notInForce');
  };
  const columns: Column<Consent>[] = [
    { key: 'purpose', label: t('clients.consents.columns.purpose'), render: (c) => t(`clients.purposes.${c.purpose}`) },
    { key: 'grantee', label: t('clients.consents.columns.grantee'), render: grantee },
    { key: 'period', label: t('clients.consents.columns.period'), render: (c) => `${formatDate(c.validFrom, locale)}–${c.validTo === null ? t('clients.consents.until') : formatDate(c.validTo, locale)}` },
    { key: 'status', label: t('clients.consents.columns.status'), render: (c) => <span data-consent-status={c.revokedAt !== null ? 'revoked' : c.isActive ? 'active' : 'inactive'}>{status(c)}</span> },
  ];
  if (client.can.manageConsents) {
    columns.push({
      key: 'actions',
      label: t('clients.consents.columns.actions'),
      render: (c) =>
        c.revokedAt === null ? (
          <Button
            variant="secondary"
            data-consent={c.id}
            disabled={revoke.isPending}
            onClick={() => {
              setNotice(null);
              revoke.mutate(c.id, { onSuccess: () => setNotice(t('clients.consents.revokedNotice')) });
            }}
          >
            {t('clients.consents.revoke')}
            <span className="visually-hidden"> {t(`clients.purposes.${c.purpose}`)}, {grantee(c)}</span>
          </Button>
        ) : null,
    });
  }

  return (
    <section className="client-section" aria-labelledby="client-consents-heading" id="client-consents">
      <Heading variant="h2" id="client-consents-heading" mb="s">{t('clients.consents.title')}</Heading>
      <Paragraph mb="s">{t('clients.consents.intro')}</Paragraph>
      {notice !== null && <SuccessAlert>{notice}</SuccessAlert>}
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      {client.consents.length === 0 ? <Paragraph mb="m">{t('clients.consents.empty')}</Paragraph> : <DataTable caption={t('clients.consents.caption')} columns={columns} rows={client.consents} rowKey={(c) => c.id} />}
      {client.can.manageConsents && <ConsentForm client={client} onSaved={() => setNotice(t('clients.consents.saved'))} />}
    </section>
  );
}

function ConsentForm({ client, onSaved }: { client: ClientDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const grant = useGrantConsent(client.id);
  const colleagues = useColleagues(client.siteId);
  const units = useUnits();
  const initial: ConsentValues = { purpose: 'share_process', granteeKind: 'user', granteeId: '', validFrom: toDisplayDate(today()), validTo: '' };
  const [values, setValues] = useState<ConsentValues>(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const set = (patch: Partial<ConsentValues>) => setValues((old) => ({ ...old, ...patch }));
  const shown = Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key as 'clients.consents.errors.date')]));
  const status = (field: string) => ({ status: shown[field] ? ('error' as const) : ('default' as const), statusText: shown[field] });
  const recipients = values.granteeKind === 'user'
    ? (colleagues.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))
    : (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { input, problems: found } = checkConsent(values);
    setProblems(found);
    setAttempt((n) => n + 1);
    if (input) grant.mutate(input, { onSuccess: () => { setValues(initial); onSaved(); } });
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack client-consent-form" aria-labelledby="consent-add-heading">
      <Heading variant="h3" id="consent-add-heading" mb="s">{t('clients.consents.addTitle')}</Heading>
      <FormErrorSummary errors={shown} attempt={attempt} />
      {grant.isError && <ErrorAlert error={grant.error} />}
      <SelectField id="consent-purpose" label={t('clients.consents.purpose')} value={values.purpose} onChange={(purpose) => set({ purpose })} options={consentPurposes.map((p) => ({ value: p, label: t(`clients.purposes.${p}`) }))} />
      {values.purpose !== 'link_visitor_code' && (
        <>
          <SelectField
            id="consent-grantee-kind"
            label={t('clients.consents.granteeKind')}
            value={values.granteeKind}
            onChange={(granteeKind) => set({ granteeKind, granteeId: '' })}
            options={[{ value: 'user', label: t('clients.consents.granteeUser') }, { value: 'unit', label: t('clients.consents.granteeUnit') }]}
          />
          <div className={shown[consentFields.grantee] ? 'client-select--error' : undefined}>
            <SelectField id={consentFields.grantee} label={t('clients.consents.grantee')} value={values.granteeId} onChange={(granteeId) => set({ granteeId })} options={[{ value: '', label: t('clients.form.choose') }, ...recipients]} />
            {shown[consentFields.grantee] && <p className="field-error">{shown[consentFields.grantee]}</p>}
          </div>
        </>
      )}
      <div className="client-dates">
        <DateField id={consentFields.validFrom} labelText={t('clients.consents.validFrom')} hintText={t('clients.consents.dateHint')} value={values.validFrom} onChange={(validFrom) => set({ validFrom })} {...status(consentFields.validFrom)} />
        <DateField id={consentFields.validTo} labelText={t('clients.consents.validTo')} hintText={t('clients.consents.validToHint')} value={values.validTo} onChange={(validTo) => set({ validTo })} {...status(consentFields.validTo)} />
      </div>
      <div className="form-actions">
        <Button type="submit" id="consent-submit" disabled={grant.isPending}>{t('clients.consents.submit')}</Button>
      </div>
    </form>
  );
}
