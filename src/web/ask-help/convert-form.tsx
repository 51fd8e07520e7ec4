import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { HelpRequestDetail } from '../../domain/help-requests/schemas';
import { useSites } from '../api/org';
import { may } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { ErrorAlert } from '../common/error-alert';
import { asLocale } from '../structural/labels';
import { useConvertToClient } from './api';

/** Turns the request into a client contact: only with the person's consent, after the existing-client check. */
export function ConvertForm({ request }: { request: HelpRequestDetail }) {
  const { t, i18n } = useTranslation();
  const abilities = useAbilities();
  const sites = useSites();
  const convert = useConvertToClient(request.id);
  const [siteId, setSiteId] = useState('');
  const [name, setName] = useState('');
  const [statutory, setStatutory] = useState(false);
  const [consent, setConsent] = useState(false);
  const [checked, setChecked] = useState(false);
  const usable = (sites.data ?? []).filter((s) => may(abilities, 'client.create', s.id));
  if (usable.length === 0) return <Paragraph>{t('askHelp.convert.notYours')}</Paragraph>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!consent || !checked || !siteId || !name.trim()) return;
    convert.mutate({ siteId, name, consent: true, existingClientsChecked: true, isStatutoryGroup: statutory, preferredLanguage: request.language ?? asLocale(i18n.language) });
  };
  return (
    <form className="help-form help-no-print" onSubmit={submit} data-testid="help-convert">
      <Paragraph>{t('askHelp.convert.intro')}</Paragraph>
      <div>
        <label htmlFor="help-convert-site">{t('askHelp.convert.site')}</label>
        <select id="help-convert-site" required value={siteId} onChange={(e) => setSiteId(e.target.value)}>
          <option value="" />
          {usable.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="help-convert-name">{t('askHelp.convert.name')}</label>
        <input id="help-convert-name" type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <label><input type="checkbox" checked={statutory} onChange={(e) => setStatutory(e.target.checked)} /> {t('askHelp.convert.statutory')}</label>
      <label><input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} required /> {t('askHelp.convert.checked')}</label>
      <label><input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} required /> {t('askHelp.convert.consent')}</label>
      {convert.isError && <ErrorAlert error={convert.error} />}
      <div className="help-actions"><Button type="submit" disabled={convert.isPending || !consent || !checked} data-action="convert">{t('askHelp.convert.submit')}</Button></div>
    </form>
  );
}
