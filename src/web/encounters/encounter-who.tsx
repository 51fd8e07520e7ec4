import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Button, TextInput } from 'suomifi-ui-components';
import { formatTimeRange } from '../../domain/date-format';
import type { SessionView } from '../../domain/outreach-views';
import { useLocale } from '../i18n/use-locale';
import { QrScanner, useQrScanSupport } from '../visitors/qr-scanner';
import { type FormState, type YesNo, teamOf, toggle } from './encounter-form-state';
import { ChoiceGroup } from './toggle-buttons';

type Props = {
  form: FormState;
  update: (patch: Partial<FormState>) => void;
  myId: string;
  /** Colleagues who can be added, id → name (today's session professionals first). */
  colleagues: Map<string, string>;
  sessions: SessionView[];
  sessionId: string | null;
  codeError: boolean;
};

const yesNoOptions = (t: TFunction) => (['yes', 'no'] as const).map((v) => ({ value: v, label: t(`encounterForm.${v}`) }));
const flip = (current: YesNo | null | undefined, tapped: YesNo): YesNo | null => (current === tapped ? null : tapped);

/**
 * Who was met, in the order a professional asks: the visitor code first (scanned or typed), the session,
 * who was in the room, whether the person said who they are and whether it was the first time with each
 * professional. Every yes/no starts unanswered; a second tap clears an answer.
 */
export function EncounterWho({ form, update, myId, colleagues, sessions, sessionId, codeError }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const canScan = useQrScanSupport();
  const [isScanning, setScanning] = useState(false);
  const names = new Map([[myId, t('encounterForm.me')], ...colleagues]);
  const held = sessions.filter((s) => !s.isCancelled);
  return (
    <>
      <div className="encounter-form__field">
        <TextInput
          id="encounter-visitor-code"
          labelText={t('encounters.visitorCode')}
          optionalText={t('common.optional')}
          hintText={t('encounters.visitorCodeHint')}
          value={form.visitorCode}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          status={codeError ? 'error' : 'default'}
          statusText={codeError ? t('encounters.visitorCodeInvalid') : undefined}
          onChange={(value) => update({ visitorCode: String(value ?? '') })}
        />
        {canScan && !isScanning && (
          <Button type="button" variant="secondary" id="encounter-scan" onClick={() => setScanning(true)}>
            {t('visitors.scan')}
          </Button>
        )}
        {isScanning && (
          <QrScanner
            onCancel={() => setScanning(false)}
            onCode={(code) => {
              setScanning(false);
              update({ visitorCode: code });
            }}
          />
        )}
      </div>

      {held.length > 0 && (
        <ChoiceGroup
          name="session"
          legend={t('encounterForm.session')}
          hint={held.length === 1 ? t('encounterForm.sessionHintOne') : undefined}
          options={[
            ...held.map((s) => ({ value: s.id, label: `${formatTimeRange(s.startsAt, s.endsAt, locale)}${s.room ? `, ${s.room}` : ''}` })),
            { value: 'none', label: t('encounterForm.noSession') },
          ]}
          selected={[sessionId ?? 'none']}
          onToggle={(id) => update({ sessionId: id === 'none' ? null : id })}
        />
      )}

      {colleagues.size > 0 && (
        <ChoiceGroup
          name="colleague"
          legend={t('encounters.colleagues')}
          hint={t('encounters.colleaguesHint')}
          options={[...colleagues].map(([id, name]) => ({ value: id, label: name }))}
          selected={form.colleagueIds}
          onToggle={(id) => update({ colleagueIds: toggle(form.colleagueIds, id) })}
        />
      )}

      <ChoiceGroup
        name="anonymous"
        size="large"
        legend={t('encounterForm.anonymous')}
        hint={t('encounterForm.anonymousHint')}
        options={yesNoOptions(t)}
        selected={form.isAnonymous === null ? [] : [form.isAnonymous]}
        onToggle={(v) => update({ isAnonymous: flip(form.isAnonymous, v) })}
      />

      {teamOf(myId, form).map((userId) => (
        <ChoiceGroup
          key={userId}
          name={`first-${userId === myId ? 'me' : userId}`}
          size="large"
          legend={userId === myId ? t('encounterForm.firstWithMe') : t('encounterForm.firstWith', { name: names.get(userId) ?? '' })}
          options={yesNoOptions(t)}
          selected={form.firstWith[userId] ? [form.firstWith[userId]] : []}
          onToggle={(v) => {
            const next = flip(form.firstWith[userId], v);
            const rest = Object.fromEntries(Object.entries(form.firstWith).filter(([id]) => id !== userId));
            update({ firstWith: next === null ? rest : { ...rest, [userId]: next } });
          }}
        />
      ))}
    </>
  );
}
