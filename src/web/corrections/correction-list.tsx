import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { EncounterView } from '../../domain/outreach-views';
import { formatVisitorCode } from '../../domain/visitor-code';
import { formatTime } from '../../domain/date-format';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { useLocale } from '../i18n/use-locale';
import { CorrectionForm } from './correction-form';
import { useEncountersForCorrection } from './corrections-api';
import { RemovalForm } from './removal-form';

type Open = { encounterId: string; mode: 'correct' | 'remove' } | null;

/** The day's encounters of a site, each with Correct and Remove; one form is open at a time, under its entry. */
export function CorrectionList({ siteId, day, onDone }: { siteId: string; day: string; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const encounters = useEncountersForCorrection(siteId, day);
  const [open, setOpen] = useState<Open>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());

  if (encounters.isPending) return <Loading />;
  if (encounters.isError) return <ErrorAlert error={encounters.error} />;
  if (encounters.data.length === 0) return <Paragraph>{t('corrections.none')}</Paragraph>;
  const sorted = [...encounters.data].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));

  const start = (encounterId: string, mode: 'correct' | 'remove') => {
    onDone(null);
    setOpen({ encounterId, mode });
  };
  // Cancelling gives focus back to the button that opened the form.
  const cancel = (key: string) => {
    setOpen(null);
    requestAnimationFrame(() => buttons.current.get(key)?.focus());
  };
  const finish = (message: string) => {
    setOpen(null);
    onDone(message);
  };
  const summary = (e: EncounterView) =>
    [
      t(`enums.ageBand.${e.ageBand}`),
      e.visitorCode !== null ? formatVisitorCode(e.visitorCode) : null,
      e.isUrgent ? t('corrections.urgent') : null,
      e.durationMinutes !== null ? t('corrections.duration', { minutes: e.durationMinutes }) : null,
      e.referrals.length > 0 ? t('corrections.referrals', { count: e.referrals.length }) : null,
    ].filter((part) => part !== null).join(' · ');

  return (
    <ul className="correction-list" data-testid="correction-list">
      {sorted.map((e) => {
        const time = formatTime(e.occurredAt, locale);
        const name = t('corrections.entryName', { time });
        const isOpen = open?.encounterId === e.id ? open.mode : null;
        return (
          <li key={e.id} data-encounter-id={e.id} className="correction-list__item">
            <p>
              <strong>{time}</strong> · {summary(e)}
            </p>
            <p className="muted">{t('corrections.recordedBy', { names: e.professionals.map((p) => p.displayName).join(', ') })}</p>
            {isOpen === null && (
              <div className="page-actions">
                <Button variant="secondary" ref={(el) => { buttons.current.set(`${e.id}:correct`, el); }} onClick={() => start(e.id, 'correct')} data-action="correct">
                  {t('corrections.correct')}
                  <span className="visually-hidden">{`: ${name}`}</span>
                </Button>
                <Button variant="secondary" ref={(el) => { buttons.current.set(`${e.id}:remove`, el); }} onClick={() => start(e.id, 'remove')} data-action="remove">
                  {t('corrections.remove')}
                  <span className="visually-hidden">{`: ${name}`}</span>
                </Button>
              </div>
            )}
            {isOpen === 'correct' && <CorrectionForm encounter={e} time={time} onDone={finish} onCancel={() => cancel(`${e.id}:correct`)} />}
            {isOpen === 'remove' && <RemovalForm encounter={e} time={time} onDone={finish} onCancel={() => cancel(`${e.id}:remove`)} />}
          </li>
        );
      })}
    </ul>
  );
}
