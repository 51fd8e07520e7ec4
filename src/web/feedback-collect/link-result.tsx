import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { LinkView } from '../../domain/feedback';
import { QrCode } from '../common/qr-code';
import { formatDay } from '../schedule/dates';
import { useFlowLocale } from './flow-locale';

type Paper = 'A4' | 'A5';

/** The new link: its QR code, the address to copy, and a sheet to print for the wall or the table. */
export function LinkResult({ link, formName }: { link: LinkView; formName: string }) {
  const { t } = useTranslation();
  const { appLocale } = useFlowLocale(null, false);
  const url = `${window.location.origin}${link.path}`;
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [paper, setPaper] = useState<Paper>('A4');
  const boxRef = useRef<HTMLDivElement>(null);

  // The result appears below the form: take the reader there.
  useEffect(() => boxRef.current?.focus(), [link.id]);

  const copy = () => {
    // The clipboard needs a secure page; elsewhere the address is selectable text.
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) return setCopied('no');
    clipboard.writeText(url).then(() => setCopied('yes'), () => setCopied('no'));
  };

  const print = () => {
    window.print();
  };

  return (
    <div className="collect-link-result" ref={boxRef} tabIndex={-1} aria-labelledby="collect-link-result-title" role="region">
      <h3 id="collect-link-result-title" className="collect-section__subtitle">
        {t('feedbackCollect.linkMaker.ready', { day: formatDay(link.validUntil, appLocale) })}
      </h3>
      <QrCode value={url} label={t('feedbackCollect.linkMaker.qrLabel', { name: formName })} size={200} />
      <p className="collect-link-result__url" id="collect-link-url">
        {url}
      </p>
      <div className="collect-actions">
        <Button variant="secondary" id="collect-link-copy" onClick={copy}>
          {t('feedbackCollect.linkMaker.copy')}
        </Button>
        <label className="encounter-form__label" htmlFor="collect-paper">
          {t('feedbackCollect.linkMaker.paper')}
        </label>
        <select id="collect-paper" className="encounter-form__select collect-paper" value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
          <option value="A4">A4</option>
          <option value="A5">A5</option>
        </select>
        <Button variant="secondary" id="collect-link-print" onClick={print}>
          {t('feedbackCollect.linkMaker.print')}
        </Button>
      </div>
      <p role="status" className="collect-copied">
        {copied === 'yes' ? t('feedbackCollect.linkMaker.copied') : copied === 'no' ? t('feedbackCollect.linkMaker.copyFailed') : ''}
      </p>
      {/* Printed only: a big code and one sentence in each language. */}
      <div className={`collect-print-sheet collect-print-sheet--${paper}`} aria-hidden="true">
        <p className="collect-print-sheet__lead" lang="fi">
          {t('feedbackCollect.print.fi')}
        </p>
        <p className="collect-print-sheet__lead" lang="sv">
          {t('feedbackCollect.print.sv')}
        </p>
        <p className="collect-print-sheet__lead" lang="en">
          {t('feedbackCollect.print.en')}
        </p>
        <QrCode value={url} label="" size={400} />
        <p className="collect-print-sheet__url">{url}</p>
      </div>
    </div>
  );
}
