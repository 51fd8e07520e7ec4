import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { openLink } from './api';
import { useFlowLocale } from './flow-locale';
import { FlowChrome } from './flow-chrome';
import { LanguageButtons } from './language-buttons';
import { OpeningBody } from './opening-body';
import { problemOf } from './outcomes';
import { useOpening } from './use-opening';

/** A visitor's own phone (/f/:token, from the QR code): the same questions as the kiosk, no sign-in. */
export function LinkAnswerPage() {
  const { token = '' } = useParams();
  const open = useCallback(() => openLink(token), [token]);
  const { opening, reopen } = useOpening(open);
  const opened = opening.status === 'open' ? opening.opened : null;
  const { locale, changeLocale } = useFlowLocale(opening.opened?.form.locales ?? null, true);
  const [startNow, setStartNow] = useState(false);
  const fresh = useCallback(
    (now: boolean) => {
      setStartNow(now);
      reopen();
    },
    [reopen],
  );
  const problem = opening.status === 'failed' ? problemOf(opening.error) : null;
  // Worth another try: the network, a busy server, a short wait or a pause. A closed or unknown link stays so.
  const canRetry = problem === 'network' || problem === 'failed' || problem === 'limited' || problem === 'paused';
  const formLocales = opening.opened?.form.locales ?? [];

  return (
    <FlowChrome
      kind="link"
      place={opening.opened?.context.siteName ?? null}
      tools={opened && formLocales.length > 1 ? <LanguageButtons locales={formLocales} locale={locale} onLocale={changeLocale} /> : undefined}
    >
      <div data-link-state={problem ?? opening.status}>
        <OpeningBody channel="link" opening={opening} problem={problem} canRetry={canRetry} locale={locale} onLocale={changeLocale} onFresh={fresh} startNow={startNow} />
      </div>
    </FlowChrome>
  );
}
