import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EncounterView } from '../../domain/outreach-views';
import { ErrorAlert } from '../common/error-alert';
import { useDeleteEncounter } from './encounter-api';
import './encounters.css';

/**
 * Correct or delete an entry of today's list, as the server's answer allows per encounter (`can`):
 * any professional of the encounter may correct it; only its creator may delete it, on the day it
 * was recorded (the list shows today's entries).
 */
export function EncounterRowActions({ encounter, time }: { encounter: EncounterView; time: string }) {
  const { t } = useTranslation();
  const remove = useDeleteEncounter(encounter.siteId);
  // An offline copy of the list saved by an older version has no `can`: then nothing is offered.
  const can = (encounter as Partial<EncounterView>).can ?? { update: false, delete: false };
  if (!can.update) return null;
  return (
    <div className="encounter-actions">
      <Link to={`/encounters/${encounter.id}/edit`} className="choice-button encounter-actions__link" aria-label={t('encounterForm.editLabel', { time })}>
        {t('encounterForm.edit')}
      </Link>
      {can.delete && (
        <button
          type="button"
          className="choice-button"
          data-action="delete"
          aria-label={t('encounterForm.deleteLabel', { time })}
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(t('encounterForm.deleteConfirm', { time }))) remove.mutate(encounter.id);
          }}
        >
          {t('encounterForm.delete')}
        </button>
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
    </div>
  );
}
