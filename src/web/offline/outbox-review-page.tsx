import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { formatDate, formatDateTime } from '../../domain/date-format';
import { useSession } from '../api/auth';
import { useSites } from '../api/org';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { discardEntry, type RefusedEntry, retryEntry, type RetryResult, useRefusedEntries } from './outbox-review';
import { useOutboxCount, useOutboxRefusedCount } from './use-outbox';
import './outbox-review.css';

const reasons = ['bad_request', 'forbidden', 'not_found', 'conflict', 'payload_too_large'] as const;
type Reason = (typeof reasons)[number] | 'other';
const reasonOf = (code: string): Reason => ((reasons as readonly string[]).includes(code) ? (code as Reason) : 'other');

type Outcome = { text: string; isProblem: boolean };

/** The entries of this device the server refused, each with the reason and a way to retry or discard. */
export function OutboxReviewPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  return (
    <>
      <PageHeading>{t('outboxReview.title')}</PageHeading>
      {me ? <RefusedList userId={me.id} /> : <Loading />}
    </>
  );
}

function RefusedList({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { entries } = useRefusedEntries(userId);
  // Cards name the site; until the (cached) site list is there, a card would call it unknown.
  const sites = useSites();
  const isLoading = entries === null || sites.isPending;
  const waiting = useOutboxCount() - useOutboxRefusedCount();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const report = (next: Outcome) => {
    setOutcome(next);
    // The entry's card is gone or changed: move focus to what happened, so keyboard users are not lost.
    window.setTimeout(() => outcomeRef.current?.focus(), 0);
  };

  return (
    <>
      <Paragraph mb="m">{t('outboxReview.intro')}</Paragraph>
      {waiting > 0 && <Paragraph mb="m">{t('outboxReview.waiting', { n: waiting })}</Paragraph>}
      <div ref={outcomeRef} tabIndex={-1} role="status" className={outcome ? `outbox-review__outcome${outcome.isProblem ? ' outbox-review__outcome--problem' : ''}` : undefined}>
        {outcome?.text}
      </div>
      {isLoading && <Loading />}
      {!isLoading && entries.length === 0 && <Paragraph mb="m">{t('outboxReview.empty')}</Paragraph>}
      {!isLoading && entries.length > 0 && (
        <ul className="outbox-review__list">
          {entries.map((entry) => (
            <RefusedCard key={entry.id} entry={entry} onOutcome={report} />
          ))}
        </ul>
      )}
    </>
  );
}

function RefusedCard({ entry, onOutcome }: { entry: RefusedEntry; onOutcome: (outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const sites = useSites();
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const headingId = `outbox-entry-${entry.id}`;
  const kind = t(`outboxReview.kind.${entry.kind}`);
  const day = entry.day === null ? t('outboxReview.unknown') : formatDate(entry.day, locale);
  const site = entry.siteId === null ? t('outboxReview.unknown') : (sites.data?.find((s) => s.id === entry.siteId)?.name ?? t('outboxReview.unknownSite'));
  const saved = formatDateTime(entry.createdAt, locale);

  const retry = async () => {
    setBusy(true);
    const result: RetryResult = await retryEntry(entry.id).catch((): RetryResult => 'waiting');
    setBusy(false);
    onOutcome({ text: t(`outboxReview.retried.${result}`, { kind, day }), isProblem: result === 'refused' || result === 'waiting' });
  };

  const discard = async () => {
    setBusy(true);
    await discardEntry(entry.id);
    onOutcome({ text: t('outboxReview.discarded', { kind, day }), isProblem: false });
  };

  return (
    <li className="outbox-review__card" data-entry-id={entry.id}>
      <Heading variant="h2" id={headingId} className="outbox-review__heading">
        {t('outboxReview.entryTitle', { kind, day })}
      </Heading>
      <dl className="outbox-review__facts">
        <dt>{t('outboxReview.site')}</dt>
        <dd>{site}</dd>
        <dt>{t('outboxReview.savedAt')}</dt>
        <dd>{saved}</dd>
        <dt>{t('outboxReview.reason')}</dt>
        <dd data-reason={entry.reason}>{t(`outboxReview.reasons.${reasonOf(entry.reason)}`)}</dd>
      </dl>
      {isConfirming ? (
        <div className="outbox-review__confirm">
          <p ref={confirmRef} tabIndex={-1} className="outbox-review__warning">
            {t('outboxReview.confirmText', { kind, day })}
          </p>
          <div className="outbox-review__actions">
            <Button id={`outbox-discard-confirm-${entry.id}`} data-action="confirm-discard" disabled={isBusy} onClick={() => void discard()}>
              {t('outboxReview.confirmDiscard')}
            </Button>
            <Button variant="secondary" data-action="cancel-discard" onClick={() => setConfirming(false)}>
              {t('outboxReview.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="outbox-review__actions">
          <Button variant="secondary" data-action="retry" disabled={isBusy} onClick={() => void retry()}>
            {t('outboxReview.retry')}
          </Button>
          <Button
            variant="secondary"
            data-action="discard"
            disabled={isBusy}
            onClick={() => {
              setConfirming(true);
              window.setTimeout(() => confirmRef.current?.focus(), 0);
            }}
          >
            {t('outboxReview.discard')}
          </Button>
        </div>
      )}
    </li>
  );
}
