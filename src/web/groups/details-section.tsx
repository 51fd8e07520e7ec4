import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading } from 'suomifi-ui-components';
import type { GroupSeriesView } from '../../domain/groups';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { SuccessAlert } from '../common/success-alert';
import { useUpdateSeries } from './api';
import { DetailFields } from './detail-fields';
import { problemTexts } from './problem-text';
import { checkDetails, detailsOf, type DetailValues, type Problems } from './series-form-values';

/** The series' details as read, and for those who run groups an edit form in place. */
export function DetailsSection({ series, canEdit }: { series: GroupSeriesView; canEdit: boolean }) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const close = (wasSaved: boolean) => {
    setEditing(false);
    setSaved(wasSaved);
    requestAnimationFrame(() => editRef.current?.focus());
  };
  return (
    <section aria-labelledby="series-details" className="groups-section">
      <Heading variant="h2" id="series-details" mb="s">
        {t('groups.details.heading')}
      </Heading>
      {saved && <SuccessAlert>{t('groups.details.saved')}</SuccessAlert>}
      {isEditing ? (
        <DetailsForm series={series} onDone={close} />
      ) : (
        <>
          <DetailsList series={series} />
          {canEdit && (
            <Button variant="secondary" id="series-edit" ref={editRef} onClick={() => { setSaved(false); setEditing(true); }}>
              {t('groups.details.edit')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

function DetailsList({ series }: { series: GroupSeriesView }) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('groups.details.none')}</span>;
  return (
    <dl className="groups-facts" id="series-facts">
      <div><dt>{t('groups.form.description')}</dt><dd>{series.description || none}</dd></div>
      <div><dt>{t('groups.form.targetGroup')}</dt><dd>{series.targetGroup || none}</dd></div>
      <div><dt>{t('groups.form.room')}</dt><dd>{series.room || none}</dd></div>
      <div>
        <dt>{t('groups.form.facilitators')}</dt>
        <dd>
          {series.facilitators.length === 0 ? none : (
            <ul className="plain-list">
              {series.facilitators.map((f, i) => (
                <li key={i}>
                  {[f.role, f.organisation].filter((x) => x !== '').join(', ')}
                  {f.isPeerWorker && <> ({t('groups.details.peerWorker')})</>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div><dt>{t('groups.details.announced')}</dt><dd>{series.isAnnounced ? t('groups.announcedYes') : t('groups.announcedNo')}</dd></div>
    </dl>
  );
}

function DetailsForm({ series, onDone }: { series: GroupSeriesView; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdateSeries(series.id);
  const [values, setValues] = useState<DetailValues>(() => detailsOf(series));
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const errors = problemTexts(t, problems);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    const patch = checkDetails(values, found);
    setProblems(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    update.mutate(patch, { onSuccess: () => onDone(true) });
  };
  return (
    <form onSubmit={submit} noValidate className="form-stack form-page">
      <FormErrorSummary errors={errors} attempt={attempt} />
      {update.isError && <ErrorAlert error={update.error} />}
      <DetailFields values={values} set={(patch) => setValues((old) => ({ ...old, ...patch }))} problems={problems} />
      <div className="groups-actions">
        <Button type="submit" id="series-save" disabled={update.isPending}>{t('common.save')}</Button>
        <Button variant="secondary" id="series-edit-cancel" onClick={() => onDone(false)}>{t('groups.details.cancelEdit')}</Button>
      </div>
    </form>
  );
}
