import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { HelpReceipt } from '../../domain/help-requests/schemas';
import { PublicLayout } from '../announcements/public-layout';
import { AppLink } from '../common/app-link';
import { formatDate } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { asLocale } from '../structural/labels';
import { useHelpSettings, useSendHelpRequest } from './api';
import { ANSWERS_PATH } from './paths';
import './ask-help.css';

/** The public "ask for help" form of one region: no sign-in, no name, no e-mail. */
export function AskHelpPage() {
  const { regionId = '' } = useParams();
  return (
    <PublicLayout>
      <AskHelp regionId={regionId} />
    </PublicLayout>
  );
}

function AskHelp({ regionId }: { regionId: string }) {
  const { t, i18n } = useTranslation();
  const settings = useHelpSettings(regionId);
  const send = useSendHelpRequest();
  const [message, setMessage] = useState('');
  const [phone, setPhone] = useState('');
  if (send.isSuccess) return <Receipt receipt={send.data} />;
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) return;
    send.mutate({ regionId, message, callbackPhone: phone.trim() === '' ? null : phone.trim(), language: asLocale(i18n.language) });
  };
  return (
    <>
      <PageHeading>{t('askHelp.form.title')}</PageHeading>
      <Paragraph mb="m">{t('askHelp.form.intro', { region: settings.data.region.name, days: settings.data.answerWorkingDays })}</Paragraph>
      <p className="help-notice">{t('askHelp.form.privacy')}</p>
      <form className="help-form" onSubmit={submit} data-testid="help-form">
        <div>
          <label htmlFor="help-message">{t('askHelp.form.message')}</label>
          <p className="help-hint" id="help-message-hint">{t('askHelp.form.messageHint')}</p>
          <textarea id="help-message" aria-describedby="help-message-hint" required rows={7} maxLength={4000} value={message} onChange={(e) => setMessage(e.target.value)} />
        </div>
        <div>
          <label htmlFor="help-phone">{t('askHelp.form.phone')}</label>
          <p className="help-hint" id="help-phone-hint">{t('askHelp.form.phoneHint')}</p>
          <input id="help-phone" type="tel" autoComplete="tel" aria-describedby="help-phone-hint" maxLength={25} value={phone} onChange={(e) => setPhone(e.target.value)} />
        </div>
        {send.isError && <ErrorAlert error={send.error} />}
        <div className="help-actions">
          <Button type="submit" disabled={send.isPending} data-action="send-help">{t('askHelp.form.send')}</Button>
        </div>
      </form>
      <Paragraph mt="l">
        <AppLink to={ANSWERS_PATH}>{t('askHelp.form.haveCode')}</AppLink>
      </Paragraph>
    </>
  );
}

/** The receipt: the code, shown once, to print or write down; the sender confirms they have saved it. */
function Receipt({ receipt }: { receipt: HelpReceipt }) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const [saved, setSaved] = useState(false);
  return (
    <>
      <PageHeading>{t('askHelp.receipt.title')}</PageHeading>
      <div className="help-receipt" data-testid="help-receipt">
        <Paragraph mb="s">{t('askHelp.receipt.codeLabel')}</Paragraph>
        <p className="help-code" data-testid="help-code">{receipt.code}</p>
        <Paragraph mb="s">{t('askHelp.receipt.received', { day: formatDate(receipt.receivedOn, locale) })}</Paragraph>
        <Paragraph mb="s">{t('askHelp.receipt.answerBy', { day: formatDate(receipt.answerDueDay, locale), days: receipt.answerWorkingDays })}</Paragraph>
        <Paragraph>{t('askHelp.receipt.howToReturn')}</Paragraph>
      </div>
      <p className="help-notice">{t('askHelp.receipt.onlyWay')}</p>
      <div className="help-actions help-no-print">
        <Button variant="secondary" onClick={() => window.print()}>{t('askHelp.receipt.print')}</Button>
        <label>
          <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} data-testid="help-saved" /> {t('askHelp.receipt.saved')}
        </label>
      </div>
      {saved && (
        <p className="help-no-print">
          <AppLink to={ANSWERS_PATH}>{t('askHelp.receipt.continue')}</AppLink>
        </p>
      )}
    </>
  );
}
