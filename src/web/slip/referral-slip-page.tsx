import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { helsinkiDay } from '../../domain/calendar';
import { formatDate } from '../../domain/date-format';
import { isApiRequestError } from '../api/client';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { QrCode } from '../common/qr-code';
import { useLocale } from '../i18n/use-locale';
import { type SlipIssued, useIssueSlip, useSlip } from './api';
import { SlipDetails } from './slip-details';
import { groupSlipCode } from './slip-format';
import './slip.css';

/**
 * A professional makes the slip a visitor takes to the receiving service: shown big on screen (for
 * the visitor's phone camera) or printed small. Issuing is a deliberate press, not a page load,
 * because each new slip makes the previous one of the referral stop working.
 */
export function ReferralSlipPage() {
  const { t } = useTranslation();
  const { referralId = '' } = useParams();
  const issue = useIssueSlip(referralId);
  return (
    <div className="referral-slip-page">
      <div className="no-print">
        <PageHeading>{t('slip.issue.title')}</PageHeading>
        <Paragraph mb="m">{t('slip.issue.body')}</Paragraph>
        {issue.isError && <IssueError error={issue.error} />}
      </div>
      {issue.isSuccess ? (
        <IssuedSlip issued={issue.data} />
      ) : (
        <div className="no-print referral-slip-page__actions">
          <Paragraph mb="m">{t('slip.issue.replaces')}</Paragraph>
          <Button id="slip-issue" disabled={issue.isPending} onClick={() => issue.mutate()}>
            {t('slip.issue.button')}
          </Button>
        </div>
      )}
      <p className="no-print referral-slip-page__back">
        <AppLink to="/encounters">{t('slip.issue.back')}</AppLink>
      </p>
    </div>
  );
}

/** Why no slip was made, in words that fit a slip (the generic texts speak of user names and such). */
function IssueError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = isApiRequestError(error) ? error.status : null;
  if (status !== 409 && status !== 404 && status !== 400) return <ErrorAlert error={error} />;
  return (
    <InlineAlert status="error" role="alert" labelText={t('errors.title')} mb="m">
      {t(status === 409 ? 'slip.issue.closed' : 'slip.issue.notFound')}
    </InlineAlert>
  );
}

function IssuedSlip({ issued }: { issued: SlipIssued }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  // The service and date exactly as the receiving service will see them.
  const slip = useSlip(issued.code);
  const url = `${window.location.origin}${issued.url}`;
  const expiresOn = formatDate(helsinkiDay(new Date(issued.expiresAt)), locale);
  return (
    <>
      <section className="referral-slip" aria-labelledby="referral-slip-title" data-testid="referral-slip">
        <h2 id="referral-slip-title" className="referral-slip__title">
          {t('slip.card.title')}
        </h2>
        {slip.isPending && <Loading />}
        {slip.isError && <ErrorAlert error={slip.error} />}
        {slip.isSuccess && <SlipDetails slip={slip.data} />}
        <p className="referral-slip__code-label">{t('slip.card.code')}</p>
        <p className="referral-slip__code" data-slip-code={issued.code}>
          {groupSlipCode(issued.code)}
        </p>
        <div className="referral-slip__qr">
          <QrCode value={url} label={t('slip.card.qrLabel')} size={200} />
        </div>
        <p className="referral-slip__how">{t('slip.card.how')}</p>
        <p className="referral-slip__url">{url}</p>
        <p className="referral-slip__expires">{t('slip.card.expires', { date: expiresOn })}</p>
      </section>
      <div className="no-print referral-slip-page__actions">
        <Button id="slip-print" onClick={() => window.print()}>
          {t('slip.issue.print')}
        </Button>
      </div>
    </>
  );
}
