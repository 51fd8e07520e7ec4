import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { Button, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { formatVisitorCode, isValidVisitorCode, normaliseVisitorCode } from '../../domain/visitor-code';
import { useSession } from '../api/auth';
import { isApiRequestError } from '../api/client';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { useCan } from '../auth/use-abilities';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SuccessAlert } from '../common/success-alert';
import { useLocale } from '../i18n/use-locale';
import { useRetireVisitorCode, useVisitorCode } from './api';
import { CodeLetters } from './code-letters';
import { formatDay, formatInstantDay } from './format';
import { VisitorCard } from './visitor-card';
import './visitors.css';

const wasJustIssued = (state: unknown) => typeof state === 'object' && state !== null && (state as { issued?: unknown }).issued === true;

export function VisitorCardPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const param = normaliseVisitorCode(useParams().code ?? '');
  const justIssued = wasJustIssued(useLocation().state);
  // Day-centre staff may issue and retire a code but not see what it has been used for.
  const mayRead = useCan('visitor_code.read');
  const isValid = isValidVisitorCode(param);
  const view = useVisitorCode(param, mayRead && isValid);
  const [retiredNow, setRetiredNow] = useState<string | null>(null);
  const retiredRef = useRef<HTMLDivElement>(null);
  if (!me) return null;

  const back = (
    <div className="visitor-screen-only">
      <AppLink to="/visitors" className="back-link">
        {t('visitors.back')}
      </AppLink>
    </div>
  );
  if (!isValid) {
    return (
      <>
        {back}
        <PageHeading>{t('visitors.invalidTitle')}</PageHeading>
        <Paragraph mb="m">{t('visitors.invalidText')}</Paragraph>
      </>
    );
  }
  // The code itself is shown right under the heading in large letters (and spelled for screen readers).
  const heading = <PageHeading>{t('visitors.cardTitle')}</PageHeading>;
  if (mayRead && view.isPending) return <>{back}{heading}<Loading /></>;
  if (mayRead && view.isError) {
    const notFound = isApiRequestError(view.error) && view.error.status === 404;
    return (
      <>
        {back}
        {heading}
        {notFound ? <Paragraph mb="m">{t('visitors.codeProblem.notFound')}</Paragraph> : <ErrorAlert error={view.error} />}
      </>
    );
  }
  const isRetired = retiredNow !== null || view.data?.isRetired === true;

  return (
    <div className="visitor-card-page">
      <div className="visitor-screen-only">
        {back}
        {heading}
        <CodeLetters code={param} isRetired={isRetired} />
        {justIssued && !isRetired && <SuccessAlert>{t('visitors.issued')}</SuccessAlert>}
        {/* Always present, so that retiring is announced; it takes focus because the button that did it is gone. */}
        <div role="status" id="visitor-retired-notice" ref={retiredRef} tabIndex={-1} className="visitor-retired-notice">
          {isRetired && (
            <InlineAlert status="warning" labelText={t('visitors.retiredLabel')} mb="m" id="visitor-retired">
              {t('visitors.retiredText')}
            </InlineAlert>
          )}
        </div>
      </div>

      {!isRetired && <VisitorCard code={param} />}

      <div className="visitor-screen-only">
        <UseSection mayRead={mayRead} view={view.data} />
        {!isRetired && (
          <RetireSection
            code={param}
            onRetired={(at) => {
              setRetiredNow(at);
              requestAnimationFrame(() => retiredRef.current?.focus());
            }}
          />
        )}
      </div>
    </div>
  );
}

function UseSection({ mayRead, view }: { mayRead: boolean; view: ReturnType<typeof useVisitorCode>['data'] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <section aria-labelledby="visitor-use" className="visitors-section">
      <Heading variant="h2" id="visitor-use" mb="s">
        {t('visitors.useHeading')}
      </Heading>
      {!mayRead || !view ? (
        <Paragraph>{t('visitors.useProfessionalsOnly')}</Paragraph>
      ) : (
        <>
          <dl className="visitor-facts" data-testid="visitor-use">
            <div>
              <dt>{t('visitors.issuedOn')}</dt>
              <dd>{formatInstantDay(view.issuedAt, locale)}</dd>
            </div>
            <div>
              <dt>{t('visitors.visits')}</dt>
              <dd>{view.visits}</dd>
            </div>
            <div>
              <dt>{t('visitors.lastVisit')}</dt>
              <dd>{view.lastVisitOn === null ? t('visitors.noVisits') : formatDay(view.lastVisitOn, locale)}</dd>
            </div>
          </dl>
          <Heading variant="h3" mb="xs">
            {t('visitors.openReferrals')}
          </Heading>
          {view.openReferrals.length === 0 ? (
            <Paragraph>{t('visitors.noOpenReferrals')}</Paragraph>
          ) : (
            <>
              <ul className="plain-list">
                {view.openReferrals.map((r) => (
                  <li key={r.id}>
                    {r.serviceName[locale]} · {t(`followUps.status.${r.status}`)}
                    {r.followUpOn !== null && <> · {t('visitors.followUpOn', { day: formatDay(r.followUpOn, locale) })}</>}
                  </li>
                ))}
              </ul>
              <Paragraph mt="s">
                <AppLink to="/follow-ups">{t('visitors.toFollowUps')}</AppLink>
              </Paragraph>
            </>
          )}
        </>
      )}
    </section>
  );
}

function RetireSection({ code, onRetired }: { code: string; onRetired: (at: string) => void }) {
  const { t } = useTranslation();
  const retire = useRetireVisitorCode(code);
  const [isConfirming, setConfirming] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="visitor-retire" className="visitors-section">
      <Heading variant="h2" id="visitor-retire" mb="s">
        {t('visitors.retireHeading')}
      </Heading>
      <Paragraph mb="m">{t('visitors.retireIntro')}</Paragraph>
      {retire.isError && <ErrorAlert error={retire.error} />}
      {!isConfirming ? (
        <Button
          variant="secondary"
          id="visitor-retire-start"
          ref={startRef}
          onClick={() => {
            setConfirming(true);
            // The question takes focus, so a screen reader reads it before the buttons.
            requestAnimationFrame(() => questionRef.current?.focus());
          }}
        >
          {t('visitors.retire')}
        </Button>
      ) : (
        <div className="visitor-confirm" role="group" aria-labelledby="visitor-retire-question">
          <p id="visitor-retire-question" ref={questionRef} tabIndex={-1} className="visitor-confirm__question">
            {t('visitors.retireConfirm', { code: formatVisitorCode(code) })}
          </p>
          <div className="visitors-actions">
            <Button
              id="visitor-retire-confirm"
              disabled={retire.isPending}
              onClick={() => retire.mutate(undefined, { onSuccess: (result) => onRetired(result.retiredAt) })}
            >
              {t('visitors.retireYes')}
            </Button>
            <Button
              variant="secondary"
              id="visitor-retire-cancel"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => startRef.current?.focus());
              }}
            >
              {t('visitors.retireNo')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
