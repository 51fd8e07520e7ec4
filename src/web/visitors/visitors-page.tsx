import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { useSession } from '../api/auth';
import { isApiRequestError } from '../api/client';
import { useSites } from '../api/org';
import { ErrorAlert } from '../common/error-alert';
import { PageHeading } from '../common/page-heading';
import { SiteSelect } from '../common/site-select';
import { lookUpVisitorCode, useIssueVisitorCode } from './api';
import { VisitorCodeField } from './code-field';
import { readTypedCode } from './code-input';
import { QrScanner, useQrScanSupport } from './qr-scanner';
import { siteNameOf } from './sites';
import { may, siteIdsFor } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import './visitors.css';

export function VisitorsPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  if (!me) return null;
  return (
    <div className="visitors-page">
      <PageHeading>{t('visitors.title')}</PageHeading>
      <Paragraph mb="l">{t('visitors.intro')}</Paragraph>
      <LookUpSection />
      <IssueSection />
    </div>
  );
}

type FieldProblem = 'empty' | 'length' | 'typo' | 'notFound' | null;

function LookUpSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canScan = useQrScanSupport();
  const inputRef = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<FieldProblem>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [isLooking, setLooking] = useState(false);
  const [isScanning, setScanning] = useState(false);
  const abilities = useAbilities();
  // Day-centre staff may issue and retire codes but not read what they were used for: their card
  // page opens without asking the server.
  const mayRead = may(abilities, 'visitor_code.read');

  const open = async (code: string) => {
    setProblem(null);
    setFailure(null);
    if (!mayRead) {
      await navigate(`/visitors/${code}`);
      return;
    }
    setLooking(true);
    try {
      await lookUpVisitorCode(queryClient, code);
      await navigate(`/visitors/${code}`);
    } catch (error) {
      if (isApiRequestError(error) && error.status === 404) {
        setProblem('notFound');
        inputRef.current?.focus();
      } else setFailure(error);
    } finally {
      setLooking(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Checked here first: a typo never reaches the server (nor its audit log) and is caught at once.
    const reading = readTypedCode(typed);
    if (reading.kind !== 'valid') {
      setProblem(reading.kind);
      setFailure(null);
      inputRef.current?.focus();
      return;
    }
    void open(reading.code);
  };

  return (
    <section aria-labelledby="visitors-lookup" className="visitors-section">
      <Heading variant="h2" id="visitors-lookup" mb="s">
        {t('visitors.lookupHeading')}
      </Heading>
      <form noValidate onSubmit={submit} className="visitors-lookup">
        {failure !== null && <ErrorAlert error={failure} />}
        <VisitorCodeField
          id="visitor-code-input"
          ref={inputRef}
          labelText={t('visitors.codeLabel')}
          hintText={t('visitors.codeHint')}
          value={typed}
          problemText={problem === null ? undefined : t(`visitors.codeProblem.${problem}`)}
          onChange={(value) => {
            setTyped(value);
            if (problem !== null) setProblem(null);
          }}
        />
        <div className="visitors-actions">
          <Button type="submit" id="visitor-lookup" disabled={isLooking}>
            {isLooking ? t('visitors.looking') : t('visitors.lookup')}
          </Button>
          {canScan && !isScanning && (
            <Button type="button" variant="secondary" id="visitor-scan" onClick={() => setScanning(true)}>
              {t('visitors.scan')}
            </Button>
          )}
        </div>
      </form>
      {isScanning && (
        <QrScanner
          onCancel={() => setScanning(false)}
          onCode={(code) => {
            setScanning(false);
            setTyped(code);
            void open(code);
          }}
        />
      )}
    </section>
  );
}

function IssueSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sites = useSites();
  const issue = useIssueVisitorCode();
  const siteIds = siteIdsFor(useAbilities(), 'visitor_code.issue', sites.data);
  const [chosen, setChosen] = useState('');
  const siteId = siteIds.includes(chosen) ? chosen : (siteIds[0] ?? '');
  const siteName = siteNameOf(sites.data);

  return (
    <section aria-labelledby="visitors-issue" className="visitors-section">
      <Heading variant="h2" id="visitors-issue" mb="s">
        {t('visitors.issueHeading')}
      </Heading>
      <Paragraph mb="m">{t('visitors.issueIntro')}</Paragraph>
      {issue.isError && <ErrorAlert error={issue.error} />}
      {siteIds.length === 0 ? (
        sites.isError ? <ErrorAlert error={sites.error} /> : <Paragraph>{t('visitors.noSites')}</Paragraph>
      ) : (
        <>
          {siteIds.length > 1 ? (
            <SiteSelect id="visitor-issue-site" label={t('visitors.site')} siteIds={siteIds} value={siteId} onChange={setChosen} siteName={siteName} />
          ) : (
            <Paragraph mb="m">{t('visitors.siteIs', { site: siteName(siteId) })}</Paragraph>
          )}
          <Button
            id="visitor-issue"
            disabled={issue.isPending || siteId === ''}
            onClick={() =>
              issue.mutate(siteId, { onSuccess: ({ code }) => void navigate(`/visitors/${code}`, { state: { issued: true } }) })
            }
          >
            {issue.isPending ? t('visitors.issuing') : t('visitors.issue')}
          </Button>
        </>
      )}
    </section>
  );
}
