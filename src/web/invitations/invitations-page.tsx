import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button, Paragraph, TextInput } from 'suomifi-ui-components';
import type { InvitationCard } from '../../domain/invitations';
import { useCan } from '../auth/use-abilities';
import { ErrorAlert } from '../common/error-alert';
import { PageHeading } from '../common/page-heading';
import { useInviteClient, useInviteExternalMember, useOwnClients } from './api';
import { InvitationCardView } from './invitation-card';
import './invitations.css';

/**
 * Staff give a client or an external member a one-time invitation code, in person: on paper (printed
 * card) or shown on screen as a QR code. A new code also replaces a lost passkey or PIN: everything
 * the person had stops working. `?client=<id>` preselects a client (a client's page can link here).
 */
export function InvitationsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const mayListClients = useCan('client.list');
  const mayInviteMembers = useCan('external_member.invite');
  const clients = useOwnClients(mayListClients);
  const inviteClient = useInviteClient();
  const inviteMember = useInviteExternalMember();
  const [clientId, setClientId] = useState(params.get('client') ?? '');
  const [memberName, setMemberName] = useState('');
  const [memberNameError, setMemberNameError] = useState<string | null>(null);
  const [card, setCard] = useState<InvitationCard | null>(null);

  if (card) {
    return (
      <>
        <div className="invitation-screen-only">
          <PageHeading>{t('invitations.title')}</PageHeading>
        </div>
        <InvitationCardView card={card} onDone={() => setCard(null)} />
      </>
    );
  }

  const submitClient = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (clientId === '') return;
    inviteClient.mutate(clientId, { onSuccess: setCard });
  };
  const submitMember = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (memberName.trim() === '') {
      setMemberNameError(t('invitations.member.nameRequired'));
      return;
    }
    setMemberNameError(null);
    inviteMember.mutate(memberName.trim(), { onSuccess: setCard });
  };

  return (
    <div className="invitations-page">
      <PageHeading>{t('invitations.title')}</PageHeading>
      <Paragraph mb="l">{t('invitations.intro')}</Paragraph>
      {mayListClients && (
        <section aria-labelledby="invite-client-heading" className="invitations-section">
          <h2 id="invite-client-heading">{t('invitations.client.heading')}</h2>
          <Paragraph mb="m">{t('invitations.client.text')}</Paragraph>
          {clients.isError && <ErrorAlert error={clients.error} />}
          {inviteClient.isError && <ErrorAlert error={inviteClient.error} />}
          {clients.data?.length === 0 ? (
            <Paragraph mb="m">{t('invitations.client.none')}</Paragraph>
          ) : (
            <form onSubmit={submitClient} className="invitations-form">
              <label htmlFor="invite-client" className="invitations-label">{t('invitations.client.label')}</label>
              <select id="invite-client" className="invitations-select" value={clientId} onChange={(event) => setClientId(event.target.value)}>
                <option value="">{t('invitations.client.choose')}</option>
                {(clients.data ?? []).map((client) => (
                  <option key={client.id} value={client.id}>{client.name}</option>
                ))}
              </select>
              <Button type="submit" id="invite-client-submit" disabled={clientId === '' || inviteClient.isPending}>
                {t('invitations.client.submit')}
              </Button>
            </form>
          )}
        </section>
      )}
      {mayInviteMembers && (
        <section aria-labelledby="invite-member-heading" className="invitations-section">
          <h2 id="invite-member-heading">{t('invitations.member.heading')}</h2>
          <Paragraph mb="m">{t('invitations.member.text')}</Paragraph>
          {inviteMember.isError && <ErrorAlert error={inviteMember.error} />}
          <form onSubmit={submitMember} noValidate className="invitations-form">
            <TextInput
              id="invite-member-name"
              labelText={t('invitations.member.name')}
              value={memberName}
              onChange={(value) => setMemberName(String(value ?? ''))}
              status={memberNameError ? 'error' : 'default'}
              statusText={memberNameError ?? undefined}
              maxLength={200}
            />
            <Button type="submit" id="invite-member-submit" disabled={inviteMember.isPending}>
              {t('invitations.member.submit')}
            </Button>
          </form>
        </section>
      )}
    </div>
  );
}
