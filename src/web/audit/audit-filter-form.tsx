import { type FormEvent, useState } from 'react';
import { DateField } from '../common/date-field';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem } from 'suomifi-ui-components';
import type { SiteView } from '../../domain/api-types';
import { type AuditFilterValues, anyValue, parseDisplayDate, toDisplayDate } from './audit-filters';
import { auditActionLabel, filterableActions } from './audit-labels';

type AuditFilterFormProps = { initial: AuditFilterValues; sites: SiteView[]; onApply: (values: AuditFilterValues) => void };
type DateErrors = { from?: string; to?: string };

export function AuditFilterForm({ initial, sites, onApply }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const [action, setAction] = useState(initial.action);
  const [siteId, setSiteId] = useState(initial.siteId);
  const [fromText, setFromText] = useState(toDisplayDate(initial.fromDate));
  const [toText, setToText] = useState(toDisplayDate(initial.toDate));
  const [errors, setErrors] = useState<DateErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const fromDate = fromText.trim() === '' ? '' : parseDisplayDate(fromText);
    const toDate = toText.trim() === '' ? '' : parseDisplayDate(toText);
    const found: DateErrors = {};
    if (fromDate === null) found.from = t('audit.filters.dateInvalid');
    if (toDate === null) found.to = t('audit.filters.dateInvalid');
    if (fromDate && toDate && fromDate > toDate) found.to = t('audit.filters.toBeforeFrom');
    setErrors(found);
    if (fromDate === null || toDate === null || found.to !== undefined) return;
    onApply({ ...initial, action, siteId, fromDate, toDate });
  };

  const dateProps = { hintText: t('audit.filters.dateHint') };

  return (
    <form onSubmit={submit} noValidate className="filter-form" aria-labelledby="audit-filters-heading">
      <h2 id="audit-filters-heading" className="visually-hidden">
        {t('audit.filters.heading')}
      </h2>
      <Dropdown id="audit-action" labelText={t('audit.filters.action')} value={action} onChange={setAction}>
        {[
          <DropdownItem key={anyValue} value={anyValue}>{t('audit.filters.anyAction')}</DropdownItem>,
          ...filterableActions.map((known) => (
            <DropdownItem key={known} value={known}>{auditActionLabel(t, known)}</DropdownItem>
          )),
        ]}
      </Dropdown>
      <Dropdown id="audit-site" labelText={t('audit.filters.site')} value={siteId} onChange={setSiteId}>
        {[
          <DropdownItem key={anyValue} value={anyValue}>{t('audit.filters.anySite')}</DropdownItem>,
          ...sites.map((site) => (
            <DropdownItem key={site.id} value={site.id}>{site.name}</DropdownItem>
          )),
        ]}
      </Dropdown>
      <DateField
        id="audit-from"
        labelText={t('audit.filters.from')}
        value={fromText}
        onChange={(value) => setFromText(value)}
        status={errors.from ? 'error' : 'default'}
        statusText={errors.from}
        {...dateProps}
      />
      <DateField
        id="audit-to"
        labelText={t('audit.filters.to')}
        value={toText}
        onChange={(value) => setToText(value)}
        status={errors.to ? 'error' : 'default'}
        statusText={errors.to}
        {...dateProps}
      />
      <div className="filter-form__actions">
        <Button type="submit">{t('audit.filters.apply')}</Button>
      </div>
    </form>
  );
}
