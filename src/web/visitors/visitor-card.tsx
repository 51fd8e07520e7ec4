import { useTranslation } from 'react-i18next';
import { Button, Heading } from 'suomifi-ui-components';
import { formatVisitorCode } from '../../domain/visitor-code';
import { QrCode } from '../common/qr-code';

/**
 * The printable card, credit-card size (85.6 × 54 mm) when printed; the print style hides all else.
 *
 * The QR code holds the bare code ("ACDEFH7"), not a link to Silta: a card found or shown to anyone
 * else then says nothing about where its holder has been (a link would name the service and its
 * address), it stays valid if the app moves to another address, and seven characters make the
 * smallest, most robust QR code for a worn card. Silta's own scanner reads it; a phone's ordinary
 * camera shows the code as text, which can be typed. The card holds no personal data.
 */
export function VisitorCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const formatted = formatVisitorCode(code);
  return (
    <section aria-labelledby="visitor-card-heading" className="visitors-section">
      <Heading variant="h2" id="visitor-card-heading" mb="s" className="visitor-screen-only">
        {t('visitors.cardHeading')}
      </Heading>
      <div className="visitor-card" data-testid="visitor-card">
        <div className="visitor-card__text">
          <p className="visitor-card__label">{t('visitors.cardLabel')}</p>
          <p className="visitor-card__code">{formatted}</p>
          <p className="visitor-card__note">{t('visitors.cardNote')}</p>
        </div>
        <QrCode value={code} label={t('visitors.qrLabel', { code: formatted })} size={112} />
      </div>
      <div className="visitors-actions visitor-screen-only">
        <Button variant="secondary" id="visitor-print" onClick={() => window.print()}>
          {t('visitors.print')}
        </Button>
      </div>
    </section>
  );
}
