import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { ClientRecord } from '../../domain/client-record';
import { formatDate, formatDateTime } from '../../domain/date-format';
import type { Locale } from '../../domain/org';
import { apiRequest } from '../api/client';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { clientRecordApiPath } from './paths';
import './client-record.css';

/**
 * /clients/:clientId/record: the client's whole record on paper (or as a PDF through the browser's
 * print dialogue) for the county's official record system, with a JSON download of the same answer.
 * Each opening is one audited export (`client.exported`).
 */
export function ClientRecordPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { clientId = '' } = useParams();
  const record = useQuery({
    queryKey: ['client-record', clientId],
    // One export per opening: not kept after the page closes, not refetched behind the reader's back.
    queryFn: () => apiRequest<ClientRecord>('GET', clientRecordApiPath(clientId)),
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorAlert error={record.error} />;
  const r = record.data;
  const download = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(r, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `client-record-${r.client.id}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="client-record-page">
      <PageHeading>{t('clientRecord.title', { name: r.client.name })}</PageHeading>
      <Paragraph mb="m">{t('clientRecord.intro')}</Paragraph>
      <div className="client-record-tools" role="group" aria-label={t('clientRecord.tools')}>
        <Button variant="default" onClick={() => window.print()}>{t('clientRecord.print')}</Button>
        <Button variant="secondary" onClick={download}>{t('clientRecord.downloadJson')}</Button>
      </div>
      <RecordSheet record={r} locale={locale} />
    </div>
  );
}

/** The printed document: what paper gets, and what the screen previews. */
function RecordSheet({ record: r, locale }: { record: ClientRecord; locale: Locale }) {
  const { t } = useTranslation();
  const names = new Map(r.people.map((p) => [p.id, p.name]));
  const who = (id: string | null) => (id === null ? '–' : (names.get(id) ?? id));
  const at = (instant: string | null) => (instant === null ? '–' : formatDateTime(instant, locale));
  const day = (d: string | null) => (d === null ? '–' : formatDate(d, locale));
  return (
    <article className="client-record-sheet" aria-labelledby="client-record-name">
      <header>
        <h2 id="client-record-name">{r.client.name}</h2>
        <p>{t('clientRecord.exported', { at: at(r.exportedAt), by: who(r.exportedBy), site: r.site.name })}</p>
      </header>

      <section aria-labelledby="cr-basic">
        <h3 id="cr-basic">{t('clientRecord.basic.title')}</h3>
        <dl className="client-record-fields">
          <dt>{t('clientRecord.basic.identityCode')}</dt><dd>{r.client.identityCode ?? '–'}</dd>
          <dt>{t('clientRecord.basic.register')}</dt><dd>{t('clientRecord.basic.socialRegister')}</dd>
          <dt>{t('clientRecord.basic.language')}</dt><dd>{r.client.preferredLanguage}</dd>
          <dt>{t('clientRecord.basic.municipality')}</dt><dd>{r.client.municipalityCode ?? '–'}</dd>
          <dt>{t('clientRecord.basic.contactPreference')}</dt><dd>{r.client.contactPreference}</dd>
          <dt>{t('clientRecord.basic.ownWorker')}</dt><dd>{who(r.client.ownWorkerId)}</dd>
          <dt>{t('clientRecord.basic.created')}</dt><dd>{`${at(r.client.createdAt)}, ${who(r.client.createdBy)}`}</dd>
          <dt>{t('clientRecord.basic.updated')}</dt><dd>{at(r.client.updatedAt)}</dd>
          <dt>{t('clientRecord.basic.id')}</dt><dd className="client-record-id">{r.client.id}</dd>
        </dl>
      </section>

      <section aria-labelledby="cr-team">
        <h3 id="cr-team">{t('clientRecord.team.title')}</h3>
        {r.careTeam.length === 0 ? <p>{t('clientRecord.none')}</p> : (
          <ul>{r.careTeam.map((m) => <li key={m.userId}>{t('clientRecord.team.member', { name: who(m.userId), at: at(m.addedAt), by: who(m.addedBy) })}</li>)}</ul>
        )}
      </section>

      <section aria-labelledby="cr-consents">
        <h3 id="cr-consents">{t('clientRecord.consents.title')}</h3>
        {r.consents.length === 0 ? <p>{t('clientRecord.none')}</p> : (
          <table className="client-record-table">
            <thead>
              <tr>
                <th scope="col">{t('clientRecord.consents.purpose')}</th>
                <th scope="col">{t('clientRecord.consents.grantee')}</th>
                <th scope="col">{t('clientRecord.consents.valid')}</th>
                <th scope="col">{t('clientRecord.consents.recorded')}</th>
                <th scope="col">{t('clientRecord.consents.revoked')}</th>
              </tr>
            </thead>
            <tbody>
              {r.consents.map((c) => (
                <tr key={c.id}>
                  <td>{c.purpose}</td>
                  <td>{c.granteeId === null ? '–' : who(c.granteeId)}</td>
                  <td>{`${day(c.validFrom)}–${c.validTo === null ? '' : day(c.validTo)}`}</td>
                  <td>{`${at(c.recordedAt)}, ${who(c.recordedBy)}`}</td>
                  <td>{c.revokedAt === null ? '–' : `${at(c.revokedAt)}, ${who(c.revokedBy)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {r.visitorCodes.length > 0 && <p>{t('clientRecord.visitorCodes', { codes: r.visitorCodes.map((v) => `${v.code} (${at(v.linkedFrom)})`).join(', ') })}</p>}
      </section>

      {r.processes.map((p, index) => (
        <section key={p.id} aria-labelledby={`cr-process-${p.id}`} className="client-record-process">
          <h3 id={`cr-process-${p.id}`}>{t('clientRecord.process.title', { number: index + 1 })}</h3>
          <dl className="client-record-fields">
            <dt>{t('clientRecord.process.contact')}</dt><dd>{`${at(p.contactAt)} (${p.contactSource})`}</dd>
            <dt>{t('clientRecord.process.statutoryGroup')}</dt><dd>{p.isStatutoryGroup ? t('clientRecord.yes') : t('clientRecord.no')}</dd>
            <dt>{t('clientRecord.process.need')}</dt><dd className="client-record-text">{p.need}</dd>
            <dt>{t('clientRecord.process.handler')}</dt><dd>{who(p.handlerId)}</dd>
            <dt>{t('clientRecord.process.state')}</dt><dd>{p.state}</dd>
            {p.endedAt !== null && (
              <>
                <dt>{t('clientRecord.process.ended')}</dt>
                <dd>{`${at(p.endedAt)} (${p.endReason ?? ''})`}</dd>
              </>
            )}
            {p.endDetails !== null && (
              <>
                <dt>{t('clientRecord.process.endDetails')}</dt>
                <dd className="client-record-text">{Object.entries(p.endDetails).map(([key, value]) => `${key}: ${String(value)}`).join('\n')}</dd>
              </>
            )}
          </dl>
          <h4>{t('clientRecord.process.events')}</h4>
          <ol>{p.events.map((e) => <li key={e.id}>{`${at(e.at)}: ${e.fromState ?? '–'} → ${e.toState} (${e.type}), ${who(e.byUser)}`}</li>)}</ol>
          {p.deadlines.length > 0 && (
            <>
              <h4>{t('clientRecord.process.deadlines')}</h4>
              <ul>{p.deadlines.map((d) => <li key={d.clockKey}>{t('clientRecord.process.deadline', { clock: d.clockKey, basis: d.basis, due: day(d.dueOn), met: day(d.metOn) })}</li>)}</ul>
            </>
          )}
        </section>
      ))}

      <section aria-labelledby="cr-signin">
        <h3 id="cr-signin">{t('clientRecord.signIn.title')}</h3>
        {r.signIn.invitations.length === 0 && r.signIn.credentials.length === 0 ? <p>{t('clientRecord.none')}</p> : (
          <ul>
            {r.signIn.invitations.map((i) => <li key={i.id}>{t('clientRecord.signIn.invitation', { at: at(i.createdAt), by: who(i.createdBy), redeemed: at(i.redeemedAt), revoked: at(i.revokedAt) })}</li>)}
            {r.signIn.credentials.map((c) => <li key={c.id}>{t('clientRecord.signIn.credential', { at: at(c.createdAt), revoked: at(c.revokedAt) })}</li>)}
          </ul>
        )}
      </section>
      <p className="client-record-sheet__foot">{t('clientRecord.footer', { format: r.format })}</p>
    </article>
  );
}
