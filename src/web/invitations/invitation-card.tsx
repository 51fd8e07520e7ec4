import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { InvitationCard } from '../../domain/invitations';
import { formatDate, helsinkiDate } from '../common/date-format';
import { QrCode } from '../common/qr-code';
import { useLocale } from '../i18n/use-locale';

/**
 * The invitation as it is handed over: the code in large letters and as a QR code that opens the sign-in
 * page with the code filled in (in the address's fragment, which never reaches a server log), when it
 * expires, and how to use it. Printing prints only this card. The code is shown once: it is not stored.
 */
export function InvitationCardView({ card, onDone }: { card: InvitationCard; onDone: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const ref = useRef<HTMLElement>(null);
  const address = `${window.location.origin}${card.signInPath}`;
  const link = `${address}#koodi=${card.code}`;
  const expires = formatDate(helsinkiDate(card.expiresAt), locale);
  // The card replaces the form: focus moves to it, so a screen reader starts reading it.
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} tabIndex={-1} className="invitation-card-page" aria-labelledby="invitation-card-heading">
      <div className="invitation-card" data-testid="invitation-card">
        <h2 id="invitation-card-heading" className="invitation-card__title">{t('invitations.card.title', { name: card.displayName })}</h2>
        <p className="invitation-card__label">{t('invitations.card.code')}</p>
        <p className="invitation-card__code" id="invitation-code" data-code={card.code}>
          <span aria-hidden="true">{card.code}</span>
          <span className="visually-hidden">{[...card.code.replaceAll('-', '')].join(' ')}</span>
        </p>
        <div className="invitation-card__qr">
          <QrCode value={link} label={t('invitations.card.qrLabel')} size={140} />
        </div>
        <p className="invitation-card__steps">{t('invitations.card.steps', { address })}</p>
        <p className="invitation-card__expires">{t('invitations.card.expires', { date: expires })}</p>
      </div>
      <div className="invitation-screen-only invitation-card-page__actions">
        <p>{t('invitations.card.onceOnly')}</p>
        <Button id="invitation-print" onClick={() => window.print()}>
          {t('invitations.card.print')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('invitations.card.done')}
        </Button>
      </div>
    </section>
  );
}
