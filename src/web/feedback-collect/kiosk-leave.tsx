import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiRequestError } from '../api/client';
import { leaveKiosk } from './api';
import { clearKioskToken, forgetStaffSession } from './kiosk-device';

/** Staff leave kiosk mode with the PIN; a wrong PIN keeps the kiosk running. */
export function KioskLeave({ token, onCancel }: { token: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [pin, setPin] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const leave = useMutation({
    mutationFn: () => leaveKiosk(token, pin),
    onSuccess: () => done(),
    onError: (error) => {
      // A kiosk the server does not know is no kiosk: leave all the same.
      if (isApiRequestError(error) && error.status === 404) done();
      setPin('');
    },
  });
  const done = () => {
    clearKioskToken();
    forgetStaffSession(queryClient);
    void navigate('/login', { replace: true });
  };

  useEffect(() => headingRef.current?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pin !== '') leave.mutate();
  };
  const error = leave.isError ? leave.error : null;
  const message =
    error === null ? null
    : isApiRequestError(error) && error.status === 401 ? t('feedbackCollect.leave.wrongPin')
    : isApiRequestError(error) && error.status === 429 ? t('feedbackCollect.leave.tooMany')
    : isApiRequestError(error) && error.code === 'network' ? t('feedbackCollect.leave.network')
    : t('feedbackCollect.leave.failed');

  return (
    <section className="fc-screen fc-leave" role="dialog" aria-modal="false" aria-labelledby="fc-leave-title" data-kiosk-state="leaving">
      <h1 id="fc-leave-title" ref={headingRef} tabIndex={-1} className="fc-title">
        {t('feedbackCollect.leave.title')}
      </h1>
      <p className="fc-intro">{t('feedbackCollect.leave.body')}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="fc-leave-pin" className="fc-label">
          {t('feedbackCollect.leave.pin')}
        </label>
        <input
          id="fc-leave-pin"
          className="fc-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          aria-invalid={message !== null}
          aria-describedby={message !== null ? 'fc-leave-error' : undefined}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
        />
        {message !== null && (
          <p id="fc-leave-error" className="fc-problem" role="alert">
            {message}
          </p>
        )}
        <div className="fc-nav">
          <button type="button" className="fc-button" id="fc-leave-cancel" onClick={onCancel}>
            {t('feedbackCollect.leave.cancel')}
          </button>
          <button type="submit" className="fc-button fc-button--primary" id="fc-leave-submit" disabled={leave.isPending || pin === ''}>
            {t('feedbackCollect.leave.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
