import { useTranslation } from 'react-i18next';
import type { DeadlineStatus } from '../../domain/clients/clocks';
import { deadlineTone } from './client-list';

/** A deadline's status as a word with a tone; the colour only repeats what the word says. */
export function DeadlineBadge({ status }: { status: DeadlineStatus }) {
  const { t } = useTranslation();
  return <span className={`deadline-badge deadline-badge--${deadlineTone(status)}`} data-status={status}>{t(`clients.clocks.status.${status}`)}</span>;
}
