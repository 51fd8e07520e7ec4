import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { SlipView } from '../../domain/outreach-views';
import { isApiRequestError } from '../api/client';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { PublicLayout } from '../announcements/public-layout';
import { useConfirmSlip, useSlip } from './api';
import { SlipDetails } from './slip-details';
import './slip.css';

/** Every way a visit to a slip link can end; each has its own page, never a blank one. */
type Outcome = 'confirmed' | 'used' | 'expired' | 'unknown' | 'limited';

/** The failure a status code means for a slip, or null for a failure worth trying again (network, server). */
function outcomeOf(error: unknown): Outcome | null {
  if (!isApiRequestError(error)) return null;
  if (error.status === 404 || error.status === 400) return 'unknown';
  if (error.status === 409) return 'used';
  if (error.status === 410) return 'expired';
  if (error.status === 429) return 'limited';
  return null;
}

/** The receiving service's page: no account, no personal data, one button. */
export function SlipConfirmPage() {
  const { code = '' } = useParams();
  return (
    <PublicLayout>
      <SlipConfirm code={code} />
    </PublicLayout>
  );
}

function SlipConfirm({ code }: { code: string }) {
  const { t } = useTranslation();
  const slip = useSlip(code);
  const confirm = useConfirmSlip(code);

  if (confirm.isSuccess) return <OutcomePage outcome="confirmed" slip={confirm.data} afterAction />;
  const confirmOutcome = confirm.isError ? outcomeOf(confirm.error) : null;
  if (confirmOutcome !== null) return <OutcomePage outcome={confirmOutcome} slip={null} afterAction />;

  if (slip.isPending) return <Loading />;
  if (slip.isError) {
    const outcome = outcomeOf(slip.error);
    if (outcome !== null) return <OutcomePage outcome={outcome} slip={null} />;
    return (
      <div className="slip-page" data-slip-state="failed">
        <PageHeading>{t('slip.failed.title')}</PageHeading>
        <ErrorAlert error={slip.error} />
        <Button variant="secondary" onClick={() => void slip.refetch()}>
          {t('slip.tryAgain')}
        </Button>
      </div>
    );
  }
  if (slip.data.status === 'confirmed') return <OutcomePage outcome="used" slip={slip.data} />;
  if (slip.data.status === 'expired') return <OutcomePage outcome="expired" slip={slip.data} />;

  return (
    <div className="slip-page" data-slip-state="open">
      <PageHeading>{t('slip.open.title')}</PageHeading>
      <Paragraph mb="m">{t('slip.open.body')}</Paragraph>
      <SlipDetails slip={slip.data} />
      <Paragraph mb="m">{t('slip.open.hint')}</Paragraph>
      {/* A failure that is not about the slip (network, server) keeps the button, to try again. */}
      {confirm.isError && <ErrorAlert error={confirm.error} />}
      <Button id="slip-confirm" className="slip-page__confirm" disabled={confirm.isPending} onClick={() => confirm.mutate()}>
        {t('slip.open.confirm')}
      </Button>
    </div>
  );
}

type OutcomeProps = { outcome: Outcome; slip: SlipView | null; afterAction?: boolean };

function OutcomePage({ outcome, slip, afterAction = false }: OutcomeProps) {
  const { t } = useTranslation();
  // After the button the answer replaces the page without a navigation: move the reader to its heading.
  useEffect(() => {
    if (afterAction) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [afterAction, outcome]);
  return (
    <div className={`slip-page slip-page--${outcome}`} data-slip-state={outcome}>
      <PageHeading>{t(`slip.${outcome}.title`)}</PageHeading>
      <Paragraph mb="m">{t(`slip.${outcome}.body`)}</Paragraph>
      {slip !== null && <SlipDetails slip={slip} />}
    </div>
  );
}
