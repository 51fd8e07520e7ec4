import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, InlineAlert, TextInput, type TextInputValue } from 'suomifi-ui-components';
import { kioskPinSchema } from '../../domain/feedback';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { useUnlockKiosk } from './api';
import { storeKioskToken } from './kiosk-device';

type Context = { siteId: string; outreachSessionId?: string; groupSessionId?: string };
type Errors = Partial<Record<'collect-pin' | 'collect-pin-again', string>>;

/** Puts this device in kiosk mode: the PIN twice, a plain warning that the staff session ends. */
export function KioskStart({ formId, context }: { formId: string; context: Context }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unlock = useUnlockKiosk();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const digits = (set: (v: string) => void) => (value: TextInputValue) => set(String(value ?? '').replace(/\D/g, ''));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Errors = {};
    if (!kioskPinSchema.safeParse(pin).success) found['collect-pin'] = t('feedbackCollect.kioskStart.pinRule');
    else if (again !== pin) found['collect-pin-again'] = t('feedbackCollect.kioskStart.pinMismatch');
    setErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0 || formId === '') return;
    unlock.mutate(
      { formId, context, pin },
      {
        onSuccess: ({ kioskToken }) => {
          storeKioskToken(kioskToken);
          // The server has ended the staff session here; the kiosk page forgets it in the app too
          // (forgetting it on this staff page would send it to the sign-in instead).
          void navigate('/kiosk', { replace: true });
        },
      },
    );
  };

  return (
    <section className="collect-section" aria-labelledby="collect-kiosk-heading">
      <h2 id="collect-kiosk-heading" className="collect-section__title">
        {t('feedbackCollect.kioskStart.title')}
      </h2>
      <p>{t('feedbackCollect.kioskStart.intro')}</p>
      <InlineAlert status="warning" mb="m" labelText={t('feedbackCollect.kioskStart.warningTitle')}>
        {t('feedbackCollect.kioskStart.warning')}
      </InlineAlert>
      <FormErrorSummary errors={errors} attempt={attempt} />
      {unlock.isError && <ErrorAlert error={unlock.error} />}
      <form onSubmit={submit} noValidate className="form-stack">
        <TextInput
          id="collect-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          labelText={t('feedbackCollect.kioskStart.pin')}
          hintText={t('feedbackCollect.kioskStart.pinHint')}
          value={pin}
          onChange={digits(setPin)}
          maxLength={8}
          status={errors['collect-pin'] ? 'error' : 'default'}
          statusText={errors['collect-pin']}
        />
        <TextInput
          id="collect-pin-again"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          labelText={t('feedbackCollect.kioskStart.pinAgain')}
          value={again}
          onChange={digits(setAgain)}
          maxLength={8}
          status={errors['collect-pin-again'] ? 'error' : 'default'}
          statusText={errors['collect-pin-again']}
        />
        <div>
          <Button type="submit" id="collect-kiosk-start" disabled={unlock.isPending}>
            {t('feedbackCollect.kioskStart.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
