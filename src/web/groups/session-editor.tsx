import { type FormEvent, type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Heading, TextInput } from 'suomifi-ui-components';
import type { GroupSessionView } from '../../domain/groups';
import { ErrorAlert } from '../common/error-alert';
import { useLocale } from '../i18n/use-locale';
import { useUpdateSession } from './api';
import { sessionDay } from './format';
import { limits } from './series-form-values';

type EditorProps = { session: GroupSessionView; headingRef: RefObject<HTMLHeadingElement | null>; onClose: (notice: string | null) => void };

/**
 * A session's theme — planned beforehand or agreed with the participants on the day — whether it is
 * published beforehand, and cancelling or restoring the session (asked to confirm first).
 */
export function SessionEditor({ session, headingRef, onClose }: EditorProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const update = useUpdateSession();
  const [theme, setTheme] = useState(session.theme);
  const [isPublished, setPublished] = useState(session.isThemePublished);
  const [isConfirming, setConfirming] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const day = sessionDay(session.day, locale);
  const tooLong = theme.trim().length > limits.theme;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (tooLong) return;
    update.mutate({ sessionId: session.id, patch: { theme: theme.trim(), isThemePublished: isPublished } }, { onSuccess: () => onClose(t('groups.editor.saved', { day })) });
  };
  const toggleCancelled = () =>
    update.mutate(
      { sessionId: session.id, patch: { isCancelled: !session.isCancelled } },
      { onSuccess: () => onClose(session.isCancelled ? t('groups.editor.restored', { day }) : t('groups.editor.cancelledNotice', { day })) },
    );

  return (
    <section aria-labelledby="session-editor-heading" className="session-editor">
      <Heading variant="h3" id="session-editor-heading" ref={headingRef} tabIndex={-1} mb="s">
        {t('groups.editor.heading', { day })}
      </Heading>
      {update.isError && <ErrorAlert error={update.error} />}
      <form onSubmit={save} noValidate className="form-stack">
        <TextInput
          id="session-theme"
          labelText={t('groups.editor.theme')}
          hintText={t('groups.editor.themeHint')}
          optionalText={t('common.optional')}
          value={theme}
          onChange={(v) => setTheme(String(v ?? ''))}
          status={tooLong ? 'error' : 'default'}
          statusText={tooLong ? t('groups.errors.tooLong', { max: limits.theme }) : undefined}
          fullWidth
        />
        <Checkbox id="session-theme-published" checked={isPublished} hintText={t('groups.editor.publishHint')} onClick={({ checkboxState }) => setPublished(checkboxState)}>
          {t('groups.editor.publish')}
        </Checkbox>
        <div className="groups-actions">
          <Button type="submit" id="session-save" disabled={update.isPending}>{t('common.save')}</Button>
          <Button variant="secondary" id="session-close" onClick={() => onClose(null)}>{t('groups.editor.close')}</Button>
        </div>
      </form>
      <div className="session-editor__cancel">
        {!isConfirming ? (
          <Button variant="secondary" id="session-cancel-start" onClick={() => { setConfirming(true); requestAnimationFrame(() => questionRef.current?.focus()); }}>
            {session.isCancelled ? t('groups.editor.restore') : t('groups.editor.cancel')}
          </Button>
        ) : (
          <div role="group" aria-labelledby="session-cancel-question" className="groups-confirm">
            <p id="session-cancel-question" ref={questionRef} tabIndex={-1} className="groups-confirm__question">
              {session.isCancelled ? t('groups.editor.restoreConfirm', { day }) : t('groups.editor.cancelConfirm', { day })}
            </p>
            <div className="groups-actions">
              <Button id="session-cancel-confirm" disabled={update.isPending} onClick={toggleCancelled}>{t('groups.editor.yes')}</Button>
              <Button variant="secondary" id="session-cancel-no" onClick={() => setConfirming(false)}>{t('groups.editor.no')}</Button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
