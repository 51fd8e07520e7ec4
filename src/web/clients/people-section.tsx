import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { ClientDetail } from '../../domain/clients/schemas';
import { ErrorAlert } from '../common/error-alert';
import { SelectField } from '../common/select-field';
import { SuccessAlert } from '../common/success-alert';
import { useColleagues, useSetCareTeam, useSetOwnWorker } from './api';

/**
 * The own worker and the care team. Candidates are the professionals of the client's site (the server
 * accepts any active professional of the region); the team is saved whole, and every change is audited.
 */
export function PeopleSection({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const colleagues = useColleagues(client.siteId);
  const setOwnWorker = useSetOwnWorker(client.id);
  const setTeam = useSetCareTeam(client.id);
  const [ownWorkerId, setOwnWorkerId] = useState(client.ownWorker?.id ?? '');
  const [adding, setAdding] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const teamIds = client.careTeam.map((m) => m.id);
  const candidates = (colleagues.data ?? []).filter((c) => !teamIds.includes(c.id));
  // The current own worker stays choosable even if they are not of this site.
  const ownWorkerOptions = [...(colleagues.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))];
  if (client.ownWorker && !ownWorkerOptions.some((o) => o.value === client.ownWorker!.id)) ownWorkerOptions.unshift({ value: client.ownWorker.id, label: client.ownWorker.displayName });
  const error = setOwnWorker.error ?? setTeam.error;
  const saveTeam = (ids: string[]) => {
    setNotice(null);
    setTeam.mutate(ids, { onSuccess: () => setNotice(t('clients.page.teamSaved')) });
  };

  return (
    <section className="client-section" aria-labelledby="client-people-heading" id="client-people">
      <Heading variant="h2" id="client-people-heading" mb="s">{t('clients.page.peopleTitle')}</Heading>
      {notice !== null && <SuccessAlert>{notice}</SuccessAlert>}
      {error && <ErrorAlert error={error} />}
      <Heading variant="h3" mb="xs">{t('clients.page.ownWorker')}</Heading>
      <p id="client-own-worker">{client.ownWorker?.displayName ?? t('clients.page.noOwnWorker')}</p>
      {client.can.update && (
        <div className="client-inline-form">
          <SelectField id="client-own-worker-choice" label={t('clients.page.chooseOwnWorker')} value={ownWorkerId} onChange={setOwnWorkerId} options={[{ value: '', label: t('clients.page.noneChosen') }, ...ownWorkerOptions]} />
          <Button
            variant="secondary"
            id="client-own-worker-save"
            disabled={setOwnWorker.isPending || ownWorkerId === (client.ownWorker?.id ?? '')}
            onClick={() => {
              setNotice(null);
              setOwnWorker.mutate(ownWorkerId === '' ? null : ownWorkerId, { onSuccess: () => setNotice(t('clients.page.ownWorkerSaved')) });
            }}
          >
            {t('clients.page.saveOwnWorker')}
          </Button>
        </div>
      )}
      <Heading variant="h3" mb="xs">{t('clients.page.careTeam')}</Heading>
      <ul className="client-team" id="client-care-team">
        {client.careTeam.map((member) => (
          <li key={member.id}>
            <span>{member.displayName}</span>
            {client.can.update && (
              <Button variant="secondaryNoBorder" data-member={member.id} disabled={setTeam.isPending} onClick={() => saveTeam(teamIds.filter((id) => id !== member.id))}>
                {t('clients.page.remove')}
                <span className="visually-hidden"> {member.displayName}</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
      {client.can.update && colleagues.isSuccess && candidates.length === 0 && <Paragraph className="muted">{t('clients.page.noCandidates')}</Paragraph>}
      {client.can.update && candidates.length > 0 && (
        <div className="client-inline-form">
          <SelectField id="client-team-add" label={t('clients.page.addMember')} value={adding} onChange={setAdding} options={[{ value: '', label: t('clients.form.choose') }, ...candidates.map((c) => ({ value: c.id, label: c.displayName }))]} />
          <Button
            variant="secondary"
            id="client-team-add-submit"
            disabled={adding === '' || setTeam.isPending}
            onClick={() => {
              saveTeam([...teamIds, adding]);
              setAdding('');
            }}
          >
            {t('clients.page.add')}
          </Button>
        </div>
      )}
      {!client.can.update && <Paragraph className="muted">{t('clients.page.readOnly')}</Paragraph>}
    </section>
  );
}
