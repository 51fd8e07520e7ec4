import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { addDays } from '../../domain/calendar';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { today } from '../encounters/encounter-sites';
import { useCreateLink } from './api';
import { LinkResult } from './link-result';

type Context = { siteId: string; outreachSessionId?: string; groupSessionId?: string };
/** A poster stays up a few weeks; the server allows up to a year. */
const DEFAULT_WEEKS = 4;
const MAX_DAYS = 365;

/** Makes a QR link for visitors' own phones and shows it with its QR code and a printable sheet. */
export function LinkMaker({ formId, context, formName }: { formId: string; context: Context; formName: string }) {
  const { t } = useTranslation();
  const create = useCreateLink(context.siteId);
  const first = today();
  const [validUntil, setValidUntil] = useState(addDays(first, DEFAULT_WEEKS * 7 - 1));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil) || validUntil < first || validUntil > addDays(first, MAX_DAYS - 1)) {
      found['collect-valid-until'] = t('feedbackCollect.linkMaker.validUntilRule');
    }
    setErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0 || formId === '') return;
    create.mutate({ formId, context, validUntil });
  };

  const error = errors['collect-valid-until'];
  return (
    <section className="collect-section" aria-labelledby="collect-link-heading">
      <h2 id="collect-link-heading" className="collect-section__title">
        {t('feedbackCollect.linkMaker.title')}
      </h2>
      <p>{t('feedbackCollect.linkMaker.intro')}</p>
      <FormErrorSummary errors={errors} attempt={attempt} />
      {create.isError && <ErrorAlert error={create.error} />}
      <form onSubmit={submit} noValidate className="form-stack">
        <div className="encounter-form__field">
          <label className="encounter-form__label" htmlFor="collect-valid-until">
            {t('feedbackCollect.linkMaker.validUntil')}
          </label>
          <input
            id="collect-valid-until"
            className="collect-date"
            type="date"
            min={first}
            max={addDays(first, MAX_DAYS - 1)}
            value={validUntil}
            aria-invalid={error !== undefined}
            aria-describedby={error !== undefined ? 'collect-valid-until-error' : undefined}
            onChange={(event) => setValidUntil(event.target.value)}
          />
          {error !== undefined && (
            <p id="collect-valid-until-error" className="field-error">
              {error}
            </p>
          )}
        </div>
        <div>
          <Button type="submit" id="collect-link-create" disabled={create.isPending}>
            {t('feedbackCollect.linkMaker.submit')}
          </Button>
        </div>
      </form>
      {create.isSuccess && <LinkResult link={create.data} formName={formName} />}
    </section>
  );
}
