import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Paragraph } from 'suomifi-ui-components';
import { categoryLabels, categorySource, observationCategories, type ObservationCategory } from '../../domain/structural/categories';
import { addresseeLevels, type AddresseeLevel } from '../../domain/structural/observations';
import { useSites } from '../api/org';
import { siteIdsFor } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { ErrorAlert } from '../common/error-alert';
import { PageHeading } from '../common/page-heading';
import { useMunicipalities } from '../municipalities/api';
import { useCreateObservation } from './api';
import { asLocale } from './labels';
import './structural.css';

const warningId = 'structural-warning';

/** A few fields a worker can fill on a phone between visits; no client identifiers (the form warns, the server refuses identity codes). */
export function ObservationFormPage() {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const navigate = useNavigate();
  const abilities = useAbilities();
  const sites = useSites();
  const municipalities = useMunicipalities();
  const create = useCreateObservation();
  const siteIds = siteIdsFor(abilities, 'observation.create', sites.data);
  const [siteId, setSiteId] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [category, setCategory] = useState<ObservationCategory | ''>('');
  const [categoryOther, setCategoryOther] = useState('');
  const [description, setDescription] = useState('');
  const [affectedGroup, setAffectedGroup] = useState('');
  const [affectedEstimate, setAffectedEstimate] = useState('');
  const [sinceMonth, setSinceMonth] = useState('');
  const [proposedAction, setProposedAction] = useState('');
  const [addresseeLevel, setAddresseeLevel] = useState<AddresseeLevel | ''>('');
  const [missing, setMissing] = useState(false);

  const chosenSite = siteId || (siteIds.length === 1 ? siteIds[0]! : '');
  const activeMunicipalities = (municipalities.data ?? []).filter((m) => m.isActive);

  const save = (submit: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const complete = chosenSite && municipalityCode && category && description.trim() && affectedGroup.trim() && proposedAction.trim() && addresseeLevel && (category !== 'other' || categoryOther.trim());
    if (!complete) {
      setMissing(true);
      return;
    }
    setMissing(false);
    create.mutate(
      {
        siteId: chosenSite,
        municipalityCode,
        category,
        categoryOther: category === 'other' ? categoryOther.trim() : null,
        description,
        affectedGroup,
        affectedEstimate: affectedEstimate === '' ? null : Number(affectedEstimate),
        sinceMonth: sinceMonth === '' ? null : sinceMonth,
        proposedAction,
        addresseeLevel,
        submit,
      },
      { onSuccess: (o) => void navigate(`/structural/${o.id}`) },
    );
  };

  return (
    <>
      <PageHeading>{t('structural.form.title')}</PageHeading>
      <p id={warningId} className="structural-warning" data-testid="structural-warning">
        {t('structural.form.warning')}
      </p>
      <form className="structural-form" noValidate onSubmit={save(true)} data-testid="observation-form">
        {siteIds.length > 1 && (
          <div>
            <label htmlFor="obs-site">{t('structural.form.site')}</label>
            <select id="obs-site" required value={siteId} onChange={(e) => setSiteId(e.target.value)}>
              <option value="" />
              {(sites.data ?? []).filter((s) => siteIds.includes(s.id)).map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="obs-municipality">{t('structural.form.municipality')}</label>
          <select id="obs-municipality" required value={municipalityCode} onChange={(e) => setMunicipalityCode(e.target.value)}>
            <option value="" />
            {activeMunicipalities.map((m) => (
              <option key={m.code} value={m.code}>{m.names[locale]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="obs-category">{t('structural.form.category')}</label>
          <p id="obs-category-source" className="structural-hint">{categorySource[locale]}</p>
          <select id="obs-category" required aria-describedby="obs-category-source" value={category} onChange={(e) => setCategory(e.target.value as ObservationCategory)}>
            <option value="" />
            {observationCategories.map((c) => (
              <option key={c} value={c}>{categoryLabels[c][locale]}</option>
            ))}
          </select>
        </div>
        {category === 'other' && (
          <div>
            <label htmlFor="obs-category-other">{t('structural.form.categoryOther')}</label>
            <input id="obs-category-other" required maxLength={200} aria-describedby={warningId} value={categoryOther} onChange={(e) => setCategoryOther(e.target.value)} />
          </div>
        )}
        <div>
          <label htmlFor="obs-description">{t('structural.form.description')}</label>
          <textarea id="obs-description" required rows={4} maxLength={4000} aria-describedby={warningId} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <div>
          <label htmlFor="obs-affected">{t('structural.form.affectedGroup')}</label>
          <input id="obs-affected" required maxLength={500} aria-describedby={warningId} value={affectedGroup} onChange={(e) => setAffectedGroup(e.target.value)} />
        </div>
        <div>
          <label htmlFor="obs-estimate">{t('structural.form.affectedEstimate')}</label>
          <input id="obs-estimate" type="number" inputMode="numeric" min={0} max={1000000} value={affectedEstimate} onChange={(e) => setAffectedEstimate(e.target.value)} />
        </div>
        <div>
          <label htmlFor="obs-since">{t('structural.form.sinceMonth')}</label>
          <input id="obs-since" type="month" placeholder="2026-01" value={sinceMonth} onChange={(e) => setSinceMonth(e.target.value)} />
        </div>
        <div>
          <label htmlFor="obs-proposal">{t('structural.form.proposedAction')}</label>
          <textarea id="obs-proposal" required rows={3} maxLength={4000} aria-describedby={warningId} value={proposedAction} onChange={(e) => setProposedAction(e.target.value)} />
        </div>
        <div>
          <label htmlFor="obs-level">{t('structural.form.addresseeLevel')}</label>
          <select id="obs-level" required value={addresseeLevel} onChange={(e) => setAddresseeLevel(e.target.value as AddresseeLevel)}>
            <option value="" />
            {addresseeLevels.map((l) => (
              <option key={l} value={l}>{t(`structural.levels.${l}`)}</option>
            ))}
          </select>
        </div>
        {missing && <Paragraph><span role="alert" className="field-error">{t('structural.form.required')}</span></Paragraph>}
        {create.isError && (
          <div role="alert">
            <Paragraph>{t('structural.form.failed')}</Paragraph>
            <ErrorAlert error={create.error} />
          </div>
        )}
        <div className="structural-actions">
          <Button type="submit" disabled={create.isPending} data-action="submit">{t('structural.form.submit')}</Button>
          <Button type="button" variant="secondary" disabled={create.isPending} onClick={() => save(false)()} data-action="draft">{t('structural.form.saveDraft')}</Button>
        </div>
      </form>
    </>
  );
}
