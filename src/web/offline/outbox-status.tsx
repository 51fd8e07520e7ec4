import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { AppLink } from '../common/app-link';
import { flushOutbox } from './outbox';
import { useOutboxCount, useOutboxRefusedCount } from './use-outbox';

/** "Not yet sent (n)" with a way to try at once; hidden when nothing waits. Refused entries link to their review. */
export function OutboxStatus() {
  const { t } = useTranslation();
  const count = useOutboxCount();
  const refused = useOutboxRefusedCount();
  const isReviewPage = useLocation().pathname === '/outbox';
  if (count === 0) return null;
  return (
    <div role="status" className="outbox-status">
      <InlineAlert status="warning" labelText={t('outbox.pending', { count })} mb="m">
        {t('outbox.intro')}{' '}
        {refused > 0 && (
          <>
            {t('outbox.failed', { count: refused })}{' '}
            {!isReviewPage && (
              <>
                <AppLink to="/outbox" className="outbox-status__review">
                  {t('outboxReview.statusLink')}
                </AppLink>{' '}
              </>
            )}
          </>
        )}
        <Button variant="secondary" id="outbox-send" onClick={() => void flushOutbox()}>
          {t('outbox.sendNow')}
        </Button>
      </InlineAlert>
    </div>
  );
}
