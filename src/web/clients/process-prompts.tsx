import { useTranslation } from 'react-i18next';
import { InlineAlert } from 'suomifi-ui-components';
import type { ProcessPrompt } from '../../domain/clients/process';

/**
 * What an end asks the worker to do next: arrange the handover network meeting (a client moving away),
 * or make the notification (a client who declined). A checklist line to tick off in their own notes;
 * recording network meetings comes with that feature, until then the text says where to record it.
 */
export function ProcessPrompts({ prompts }: { prompts: readonly ProcessPrompt[] }) {
  const { t } = useTranslation();
  return (
    <div className="client-prompts" id="client-process-prompts">
      {prompts.map((prompt) => (
        <InlineAlert key={prompt} status="warning" labelText={t(`clients.prompts.${prompt}.title`)} mb="m" data-prompt={prompt}>
          <p>{t(`clients.prompts.${prompt}.text`)}</p>
          <ul className="client-checklist">
            <li>{t(`clients.prompts.${prompt}.checklist`)}</li>
          </ul>
          {prompt === 'arrange_handover_meeting' && <p>{t('clients.prompts.arrange_handover_meeting.later')}</p>}
        </InlineAlert>
      ))}
    </div>
  );
}
