import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { MEMO_MAX, type ReferralStatus, type ReferralUpdate } from '../../domain/outreach';
import type { FollowUpView } from '../../domain/outreach-views';
import { ChoiceGroup } from '../encounters/toggle-buttons';
import { useLocale } from '../i18n/use-locale';
import { formatDay } from '../visitors/format';

/** The outcomes one asks about; "suggested" is where a referral starts and is not offered again. */
const quickStatuses = ['booked', 'realised', 'not_realised', 'unknown'] as const satisfies readonly ReferralStatus[];

type FollowUpItemProps = {
  followUp: FollowUpView;
  isSaving: boolean;
  onSave: (patch: ReferralUpdate, onDone: () => void) => void;
};

/** One open referral: what it was, quick status buttons, and the follow-up date and memo behind a button. */
export function FollowUpItem({ followUp, isSaving, onSave }: FollowUpItemProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { referral } = followUp;
  const service = followUp.serviceName[locale];
  const [isEditing, setEditing] = useState(false);
  const formId = `follow-up-form-${referral.id}`;
  return (
    <li className="follow-up" data-referral-id={referral.id}>
      <p className="follow-up__service">{service}</p>
      <p className="follow-up__meta">
        {t('followUps.referredOn', { day: formatDay(followUp.encounterDay, locale) })} · {t(`enums.referralWay.${referral.way}`)} ·{' '}
        {t('followUps.statusIs', { status: t(`followUps.status.${referral.status}`) })}
        {referral.followUpOn !== null && <> · {t('followUps.followUpOn', { day: formatDay(referral.followUpOn, locale) })}</>}
      </p>
      {referral.memo !== null && !isEditing && <p className="follow-up__memo">{t('followUps.memoIs', { memo: referral.memo })}</p>}
      <ChoiceGroup
        name={`status-${referral.id}`}
        legend={t('followUps.statusLegend', { service })}
        options={quickStatuses.map((s) => ({ value: s, label: t(`followUps.status.${s}`) }))}
        selected={[referral.status]}
        onToggle={(status) => {
          if (!isSaving && status !== referral.status) onSave({ status }, () => undefined);
        }}
      />
      <button
        type="button"
        className="follow-up__more"
        aria-expanded={isEditing}
        aria-controls={formId}
        data-action="edit"
        onClick={() => setEditing(!isEditing)}
      >
        {t('followUps.editDetails')}
      </button>
      <div id={formId}>
        {isEditing && <DetailsForm followUp={followUp} isSaving={isSaving} onSave={onSave} onClose={() => setEditing(false)} />}
      </div>
    </li>
  );
}

function DetailsForm({ followUp, isSaving, onSave, onClose }: FollowUpItemProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { referral } = followUp;
  const [day, setDay] = useState(referral.followUpOn ?? '');
  const [memo, setMemo] = useState(referral.memo ?? '');
  const memoRef = useRef<HTMLTextAreaElement>(null);
  const [attempted, setAttempted] = useState(false);
  const tooLong = memo.length > MEMO_MAX;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    // Too long is kept as typed, so nothing is lost: the worker shortens it and saves again.
    if (tooLong) {
      memoRef.current?.focus();
      return;
    }
    const patch: ReferralUpdate = {};
    const nextDay = day === '' ? null : day;
    const nextMemo = memo.trim() === '' ? null : memo.trim();
    if (nextDay !== referral.followUpOn) patch.followUpOn = nextDay;
    if (nextMemo !== referral.memo) patch.memo = nextMemo;
    if (Object.keys(patch).length === 0) return onClose();
    onSave(patch, onClose);
  };

  return (
    <form className="follow-up__form" noValidate onSubmit={submit} data-testid="follow-up-form">
      <div className="follow-up__field">
        <label className="encounter-form__label" htmlFor={`${id}-day`}>
          {t('followUps.followUpDate')}
        </label>
        <input id={`${id}-day`} type="date" className="follow-up__date" value={day} onChange={(e) => setDay(e.target.value)} />
      </div>
      <div className="follow-up__field">
        <label className="encounter-form__label" htmlFor={`${id}-memo`}>
          {t('followUps.memo')}
        </label>
        <p id={`${id}-warning`} className="follow-up__warning" data-testid="memo-warning">
          {t('followUps.memoWarning')}
        </p>
        <textarea
          id={`${id}-memo`}
          ref={memoRef}
          className="follow-up__memo-input"
          rows={3}
          value={memo}
          aria-describedby={`${id}-warning ${id}-counter`}
          aria-invalid={tooLong}
          onChange={(e) => setMemo(e.target.value)}
        />
        <p id={`${id}-counter`} className={`follow-up__counter${tooLong ? ' follow-up__counter--over' : ''}`} data-testid="memo-counter">
          {t('followUps.memoCounter', { count: memo.length, max: MEMO_MAX })}
        </p>
        {tooLong && (
          <p className="field-error" role={attempted ? 'alert' : undefined} data-testid="memo-too-long">
            {t('followUps.memoTooLong', { max: MEMO_MAX, over: memo.length - MEMO_MAX })}
          </p>
        )}
      </div>
      <div className="follow-up__actions">
        <Button type="submit" disabled={isSaving} data-action="save">
          {t('followUps.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose} data-action="cancel">
          {t('followUps.cancel')}
        </Button>
      </div>
    </form>
  );
}
