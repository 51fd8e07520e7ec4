import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading } from 'suomifi-ui-components';
import { AppLink } from '../common/app-link';
import type { LookupAnswer } from './api';

const matchLabels = { identity_code: 'clients.lookup.byCode', name_and_birth_day: 'clients.lookup.byNameAndBirthDay', name: 'clients.lookup.byName' } as const;

type Props = { answer: LookupAnswer; isPending: boolean; onConfirm: () => void };

/**
 * The existing-client check's finds, before a duplicate is made: how each matched, whether it has an
 * open process and who the own worker is (a client the worker does not work with comes without a link).
 * Takes focus when shown, so the warning is read before anything else.
 */
export function LookupResult({ answer, isPending, onConfirm }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // The same identity code is the same person: the register keeps one record per person, so no new one.
  const isSamePerson = answer.matches.some((m) => m.matchedBy === 'identity_code');
  return (
    <section className="client-lookup" aria-labelledby="client-lookup-heading" id="client-lookup">
      <Heading variant="h2" id="client-lookup-heading" ref={heading} tabIndex={-1} mb="s">
        {t('clients.lookup.title')}
      </Heading>
      <p>{t('clients.lookup.found', { count: answer.matches.length })}</p>
      <ul className="client-lookup__list">
        {answer.matches.map((m, i) => (
          <li key={m.clientId ?? `match-${i}`} data-matched-by={m.matchedBy}>
            <strong>{t(matchLabels[m.matchedBy])}</strong>
            {' · '}
            {m.ownWorker ? t('clients.lookup.ownWorker', { name: m.ownWorker.displayName }) : t('clients.lookup.noOwnWorker')}
            {' · '}
            {t(m.hasOpenProcess ? 'clients.lookup.openProcess' : 'clients.lookup.noOpenProcess')}
            {' · '}
            {m.clientId ? <AppLink to={`/clients/${m.clientId}`}>{t('clients.lookup.open')}</AppLink> : t('clients.lookup.notYours')}
          </li>
        ))}
      </ul>
      {isSamePerson ? (
        <p className="client-lookup__same">{t('clients.identityCode.existing_client')}</p>
      ) : (
        <Button type="button" variant="secondary" id="client-create-anyway" disabled={isPending} onClick={onConfirm}>
          {t('clients.lookup.createAnyway')}
        </Button>
      )}
    </section>
  );
}
