import { useTranslation } from 'react-i18next';
import { Button, Checkbox, TextInput, Textarea } from 'suomifi-ui-components';
import { facilitatorOrganisationId, facilitatorRoleId, limits, seriesFields, type DetailValues, type FacilitatorValues, type Problems } from './series-form-values';
import { useFieldStatus } from './problem-text';
import { TranslationFields } from '../common/translation-fields';

type FieldsProps = { values: DetailValues; set: (patch: Partial<DetailValues>) => void; problems: Problems };

/** Description, target group, room, facilitators and the public announcement: shared by the create and edit forms. */
export function DetailFields({ values, set, problems }: FieldsProps) {
  const { t } = useTranslation();
  const status = useFieldStatus(problems);
  return (
    <>
      <Textarea
        id={seriesFields.description}
        labelText={t('groups.form.description')}
        hintText={t('groups.form.descriptionHint')}
        optionalText={t('common.optional')}
        value={values.description}
        onChange={(event) => set({ description: event.target.value })}
        {...status(seriesFields.description)}
        fullWidth
      />
      <TranslationFields
        idBase={seriesFields.description}
        fieldLabel={t('groups.form.description')}
        values={{ sv: values.descriptionSv, en: values.descriptionEn }}
        onChange={({ sv, en }) => set({ descriptionSv: sv, descriptionEn: en })}
        multiline
        maxLength={limits.description}
      />
      <TextInput id={seriesFields.targetGroup} labelText={t('groups.form.targetGroup')} hintText={t('groups.form.targetGroupHint')} optionalText={t('common.optional')} value={values.targetGroup} onChange={(v) => set({ targetGroup: String(v ?? '') })} {...status(seriesFields.targetGroup)} fullWidth />
      <TextInput id={seriesFields.room} labelText={t('groups.form.room')} optionalText={t('common.optional')} value={values.room} onChange={(v) => set({ room: String(v ?? '') })} {...status(seriesFields.room)} />
      <FacilitatorsField rows={values.facilitators} onChange={(facilitators) => set({ facilitators })} problems={problems} />
      <Checkbox id="series-announced" checked={values.isAnnounced} hintText={t('groups.form.announcedHint')} onClick={({ checkboxState }) => set({ isAnnounced: checkboxState })}>
        {t('groups.form.announced')}
      </Checkbox>
    </>
  );
}

/** A small repeatable list; each row is its own group so a screen reader hears "Facilitator 2". */
function FacilitatorsField({ rows, onChange, problems }: { rows: FacilitatorValues[]; onChange: (rows: FacilitatorValues[]) => void; problems: Problems }) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<FacilitatorValues>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const key = Math.max(0, ...rows.map((r) => r.key + 1));
    onChange([...rows, { key, role: '', organisation: '', isPeerWorker: false }]);
    // The new row's first field takes focus, so typing can start at once.
    requestAnimationFrame(() => document.getElementById(facilitatorRoleId(key))?.focus());
  };
  const remove = (key: number) => {
    onChange(rows.filter((r) => r.key !== key));
    requestAnimationFrame(() => document.getElementById('facilitator-add')?.focus());
  };
  const status = useFieldStatus(problems);
  return (
    <fieldset className="facilitators" aria-describedby="facilitators-hint">
      <legend className="fieldset-legend">{t('groups.form.facilitators')}</legend>
      <p id="facilitators-hint" className="groups-hint">
        {t('groups.form.facilitatorsHint')}
      </p>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="facilitator-row">
          <legend className="facilitator-row__legend">{t('groups.form.facilitatorN', { n: index + 1 })}</legend>
          <TextInput id={facilitatorRoleId(row.key)} labelText={t('groups.form.facilitatorRole')} hintText={t('groups.form.facilitatorRoleHint')} maxLength={limits.facilitatorText} value={row.role} onChange={(v) => update(row.key, { role: String(v ?? '') })} {...status(facilitatorRoleId(row.key))} />
          <TextInput id={facilitatorOrganisationId(row.key)} labelText={t('groups.form.facilitatorOrganisation')} optionalText={t('common.optional')} maxLength={limits.facilitatorText} value={row.organisation} onChange={(v) => update(row.key, { organisation: String(v ?? '') })} {...status(facilitatorOrganisationId(row.key))} />
          <Checkbox id={`facilitator-peer-${row.key}`} checked={row.isPeerWorker} onClick={({ checkboxState }) => update(row.key, { isPeerWorker: checkboxState })}>
            {t('groups.form.peerWorker')}
          </Checkbox>
          <Button variant="secondary" id={`facilitator-remove-${row.key}`} onClick={() => remove(row.key)} aria-label={t('groups.form.removeFacilitator', { n: index + 1 })}>
            {t('common.remove')}
          </Button>
        </fieldset>
      ))}
      {rows.length < limits.facilitators && (
        <Button variant="secondary" id="facilitator-add" onClick={add}>
          {t('groups.form.addFacilitator')}
        </Button>
      )}
    </fieldset>
  );
}
