import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert } from '../common/error-alert';
import { PageHeading } from '../common/page-heading';
import { importErrorMessage, useChooseAreas, useIndicatorPanel, useUploadSotkanet } from './api';
import { IndicatorsPanel } from './indicators-panel';
import '../structural/structural.css';

async function readJson(file: File | undefined): Promise<unknown> {
  if (!file) return undefined;
  return JSON.parse(await file.text()) as unknown;
}

/** /indicators: the coordinator imports Sotkanet's files and chooses the areas the panels compare. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const upload = useUploadSotkanet();
  const choose = useChooseAreas();
  const panel = useIndicatorPanel();
  const [files, setFiles] = useState<{ metadata?: File; data?: File; regions?: File }>({});
  const [isExample, setIsExample] = useState(false);
  const [notJson, setNotJson] = useState(false);
  const [home, setHome] = useState('');
  const [country, setCountry] = useState('');

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setNotJson(false);
    let body;
    try {
      body = { metadata: await readJson(files.metadata), data: await readJson(files.data), regions: await readJson(files.regions), isExample };
    } catch {
      setNotJson(true);
      return;
    }
    upload.mutate(body);
  };
  const saveAreas = (event: FormEvent) => {
    event.preventDefault();
    choose.mutate({ homeAreaCode: home || panel.data?.home?.code || '', countryAreaCode: country || panel.data?.country?.code || '' });
  };

  return (
    <>
      <PageHeading>{t('indicators.admin.title')}</PageHeading>
      <section aria-labelledby="ind-upload">
        <Heading variant="h2" id="ind-upload" mb="s">{t('indicators.admin.uploadTitle')}</Heading>
        <Paragraph mb="s">{t('indicators.admin.uploadIntro')}</Paragraph>
        <form className="structural-form" onSubmit={(e) => void send(e)} data-testid="indicator-upload">
          {(['metadata', 'data', 'regions'] as const).map((name) => (
            <div key={name}>
              <label htmlFor={`ind-${name}`}>{t(`indicators.admin.${name}File`)}</label>
              <input id={`ind-${name}`} type="file" accept="application/json,.json" required={name !== 'regions'} onChange={(e) => setFiles({ ...files, [name]: e.target.files?.[0] })} />
            </div>
          ))}
          <div>
            <label><input type="checkbox" checked={isExample} onChange={(e) => setIsExample(e.target.checked)} /> {t('indicators.admin.isExample')}</label>
          </div>
          {notJson && <p role="alert" className="structural-overdue">{t('indicators.admin.notJson')}</p>}
          {upload.isError && <p role="alert" className="structural-overdue" data-testid="import-error">{importErrorMessage(t, upload.error)}</p>}
          {upload.isSuccess && (
            <p role="status" data-testid="import-result">
              {t('indicators.admin.imported', { added: upload.data.added, replaced: upload.data.replaced, missing: upload.data.missing })}
              {upload.data.metadataChanges.length > 0 && <> {t('indicators.admin.metadataChanged', { fields: upload.data.metadataChanges.join(', ') })}</>}
            </p>
          )}
          <div className="structural-actions"><Button type="submit" disabled={upload.isPending}>{t('indicators.admin.upload')}</Button></div>
        </form>
      </section>
      <section aria-labelledby="ind-areas">
        <Heading variant="h2" id="ind-areas" mb="s">{t('indicators.admin.areasTitle')}</Heading>
        <form className="structural-form" onSubmit={saveAreas} data-testid="indicator-areas">
          <div>
            <label htmlFor="ind-home">{t('indicators.admin.homeArea')}</label>
            <input id="ind-home" required value={home || panel.data?.home?.code || ''} onChange={(e) => setHome(e.target.value)} />
          </div>
          <div>
            <label htmlFor="ind-country">{t('indicators.admin.countryArea')}</label>
            <input id="ind-country" required value={country || panel.data?.country?.code || ''} onChange={(e) => setCountry(e.target.value)} />
          </div>
          {choose.isError && <ErrorAlert error={choose.error} />}
          {choose.isSuccess && <p role="status">{t('indicators.admin.saved')}</p>}
          <div className="structural-actions"><Button type="submit" disabled={choose.isPending}>{t('indicators.admin.saveAreas')}</Button></div>
        </form>
      </section>
      <IndicatorsPanel />
    </>
  );
}
