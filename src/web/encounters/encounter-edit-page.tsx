import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { Me } from '../../domain/api-types';
import type { EncounterView } from '../../domain/outreach-views';
import { helsinkiDate } from '../../domain/date-format';
import { registerOf } from '../../domain/org';
import { isValidVisitorCode, normaliseVisitorCode } from '../../domain/visitor-code';
import { useSession } from '../api/auth';
import { useCodes, useSessionsOfDay } from '../api/outreach';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { useColleagues } from '../schedule/api';
import { useEncounter, useUpdateEncounter } from './encounter-api';
import { colleagueChoices, ownCodeOptions } from './encounter-choices';
import { EncounterContent } from './encounter-content';
import { EncounterErrorAlert } from './encounter-error';
import { type FormState, fromView, toPatch } from './encounter-form-state';
import { EncounterWho } from './encounter-who';
import './encounters.css';

/** Correcting an encounter from the day's list: the same fields as when recording, filled in. */
export function EncounterEditPage() {
  const { t } = useTranslation();
  const { encounterId = '' } = useParams();
  const me = useSession().data?.user;
  const encounter = useEncounter(encounterId);
  if (!me) return null;
  return (
    <>
      <PageHeading>{t('encounterForm.editTitle')}</PageHeading>
      <Paragraph mb="m">
        <AppLink to="/encounters">{t('encounterForm.back')}</AppLink>
      </Paragraph>
      {encounter.isPending ? <Loading /> : encounter.isError ? <ErrorAlert error={encounter.error} /> : me.profession === null ? null : <EditForm me={me} profession={me.profession} view={encounter.data} />}
    </>
  );
}

function Notice({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <div ref={ref} id="encounter-saved" className="encounter-saved" role="status" aria-live="polite" tabIndex={-1}>
      {text}
    </div>
  );
}

function EditForm({ me, profession, view }: { me: Me; profession: NonNullable<Me['profession']>; view: EncounterView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const codes = useCodes();
  const sessions = useSessionsOfDay(view.siteId, helsinkiDate(view.occurredAt));
  const siteColleagues = useColleagues(view.siteId);
  const update = useUpdateEncounter(view.id);
  const [before, setBefore] = useState<FormState>(() => fromView(view, me.id));
  const [form, setForm] = useState<FormState>(before);
  const [codeError, setCodeError] = useState(false);
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  if (codes.isPending) return <Loading />;
  if (codes.isError) return <ErrorAlert error={codes.error} />;

  const colleagues = colleagueChoices(me.id, sessions.data ?? [], siteColleagues.data);
  for (const p of view.professionals) if (p.userId !== me.id && !colleagues.has(p.userId)) colleagues.set(p.userId, p.displayName);
  const register = registerOf(profession);
  const change = (patch: Partial<FormState>) => {
    setNotice(null);
    setForm((current) => ({ ...current, ...patch }));
  };
  const save = () => {
    const code = form.visitorCode.trim();
    if (code !== '' && !isValidVisitorCode(code)) {
      setCodeError(true);
      document.getElementById('encounter-visitor-code')?.focus();
      return;
    }
    setCodeError(false);
    const patch = toPatch(before, form, me.id, code === '' ? null : normaliseVisitorCode(code));
    if (Object.keys(patch).length === 0) return setNotice({ text: t('encounterForm.noChanges'), at: Date.now() });
    update.mutate(patch, {
      onSuccess: () => {
        setBefore(form);
        setNotice({ text: t('encounterForm.changesSaved'), at: Date.now() });
      },
    });
  };

  return (
    <form
      className="encounter-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {notice !== null && <Notice key={notice.at} text={notice.text} />}
      {update.isError && <EncounterErrorAlert error={update.error} />}
      <EncounterWho form={form} update={change} myId={me.id} colleagues={colleagues} sessions={sessions.data ?? []} sessionId={form.sessionId ?? null} codeError={codeError} />
      <EncounterContent
        form={form}
        update={change}
        myId={me.id}
        colleagues={colleagues}
        needOptions={ownCodeOptions(codes.data, 'need', register, locale)}
        supportOptions={ownCodeOptions(codes.data, 'support', register, locale)}
        services={[]}
        canAddReferral={false}
      />
      <div className="encounter-form__actions">
        <Button type="submit" id="encounter-save" disabled={update.isPending}>
          {t('encounterForm.saveChanges')}
        </Button>
      </div>
    </form>
  );
}
