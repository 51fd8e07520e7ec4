import { useTranslation } from 'react-i18next';
import { ageBands } from '../../domain/code-lists';
import { type ReferralWay, referralWays } from '../../domain/outreach';
import type { ServiceView } from '../../domain/outreach-views';
import { useLocale } from '../i18n/use-locale';
import { type FormState, teamOf, toggle } from './encounter-form-state';
import { ChoiceGroup } from './toggle-buttons';

type Option = { value: string; label: string };

type Props = {
  form: FormState;
  update: (patch: Partial<FormState>) => void;
  myId: string;
  colleagues: Map<string, string>;
  /** The reader's own register's active codes (register:code → label). */
  needOptions: Option[];
  supportOptions: Option[];
  services: ServiceView[];
  /** Referrals are added with a new entry; later they are followed up on their own pages. */
  canAddReferral: boolean;
};

/** What the meeting was about: age band, needs, support given, urgency and a referral onward. */
export function EncounterContent({ form, update, myId, colleagues, needOptions, supportOptions, services, canAddReferral }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const referral = form.referral;
  const team = teamOf(myId, form);
  return (
    <>
      <ChoiceGroup
        name="age"
        size="large"
        legend={t('encounters.ageBand')}
        options={ageBands.map((a) => ({ value: a, label: t(`enums.ageBand.${a}`) }))}
        selected={form.ageBand === null ? [] : [form.ageBand]}
        onToggle={(a) => update({ ageBand: form.ageBand === a ? null : a })}
      />
      <ChoiceGroup name="need" legend={t('encounters.needs')} options={needOptions} selected={form.needs} onToggle={(c) => update({ needs: toggle(form.needs, c) })} />
      <ChoiceGroup name="support" legend={t('encounters.support')} options={supportOptions} selected={form.support} onToggle={(c) => update({ support: toggle(form.support, c) })} />
      <ChoiceGroup
        name="urgent"
        legend={t('encounters.urgentLegend')}
        options={[{ value: 'urgent', label: t('encounters.urgent') }]}
        selected={form.isUrgent ? ['urgent'] : []}
        onToggle={() => update({ isUrgent: !form.isUrgent })}
      />
      {canAddReferral && (
        <>
          <div className="encounter-form__field">
            <button
              type="button"
              className="choice-button"
              data-choice="referral:add"
              aria-expanded={referral !== null}
              aria-controls="encounter-referral"
              onClick={() => update({ referral: referral === null ? { serviceId: null, way: 'advised', referredBy: null } : null })}
            >
              {referral === null ? t('encounters.addReferral') : t('encounters.removeReferral')}
            </button>
          </div>
          <div id="encounter-referral">
            {referral !== null && (
              <ChoiceGroup
                name="service"
                legend={t('encounters.service')}
                options={services.map((s) => ({ value: s.id, label: s.names[locale] }))}
                selected={referral.serviceId === null ? [] : [referral.serviceId]}
                onToggle={(id) => update({ referral: { ...referral, serviceId: referral.serviceId === id ? null : id } })}
              >
                <div className="encounter-form__field">
                  <label className="encounter-form__label" htmlFor="encounter-way">
                    {t('encounters.way')}
                  </label>
                  <select
                    id="encounter-way"
                    className="encounter-form__select"
                    value={referral.way}
                    onChange={(e) => update({ referral: { ...referral, way: e.target.value as ReferralWay } })}
                  >
                    {referralWays.map((w) => (
                      <option key={w} value={w}>
                        {t(`enums.referralWay.${w}`)}
                      </option>
                    ))}
                  </select>
                </div>
                {team.length > 1 && (
                  <ChoiceGroup
                    name="referred-by"
                    legend={t('encounterForm.referredBy')}
                    options={team.map((id) => ({ value: id, label: id === myId ? t('encounterForm.me') : (colleagues.get(id) ?? id) }))}
                    selected={[referral.referredBy ?? myId]}
                    onToggle={(id) => update({ referral: { ...referral, referredBy: id } })}
                  />
                )}
              </ChoiceGroup>
            )}
          </div>
        </>
      )}
    </>
  );
}
