import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { ServiceView } from '../../domain/outreach-views';
import { useServices } from '../api/outreach';
import { DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SuccessAlert } from '../common/success-alert';
import { useCreateService, useUpdateService } from './api';
import { useEntryColumns } from './entry-columns';
import { EntryEditor } from './entry-editor';
import { EntryForm } from './entry-form';
import { emptyEntry, type EntryPayload } from './entry-values';
import './admin-lists.css';

/** The server's default place of a new service in the list (src/domain/outreach.ts). */
const DEFAULT_SORT = 100;

/** Administrators keep the region's service directory, the targets of referrals. */
export function ServicesAdminPage() {
  const { t } = useTranslation();
  const services = useServices();
  const [editing, setEditing] = useState<ServiceView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toggle = useUpdateService();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const list = services.data ?? [];

  const closeEditor = (message: string | null) => {
    setEditing(null);
    if (message !== null) setNotice(message);
    listHeading.current?.focus();
  };

  const setActive = (service: ServiceView, isActive: boolean) => {
    setNotice(null);
    toggle.mutate(
      { serviceId: service.id, patch: { isActive } },
      { onSuccess: () => setNotice(t(isActive ? 'adminLists.services.reactivated' : 'adminLists.services.retired', { code: service.code })) },
    );
  };

  const columns = useEntryColumns<ServiceView>({
    codeLabel: t('adminLists.services.code'),
    codeCell: (s) => <code data-service={s.code}>{s.code}</code>,
    namesOf: (s) => s.names,
    onEdit: (s) => { setNotice(null); setEditing(s); },
    onToggle: (s) => setActive(s, !s.isActive),
    isToggling: toggle.isPending,
  });

  return (
    <>
      <PageHeading>{t('adminLists.services.title')}</PageHeading>
      <Paragraph mb="m">{t('adminLists.services.intro')}</Paragraph>
      <Paragraph mb="l" className="admin-lists__stable">{t('adminLists.services.stable')}</Paragraph>
      {notice !== null && <SuccessAlert>{notice}</SuccessAlert>}
      {toggle.isError && <ErrorAlert error={toggle.error} />}
      {editing && <ServiceEditor key={editing.id} service={editing} onDone={closeEditor} />}
      <Heading variant="h2" id="services-list-heading" ref={listHeading} tabIndex={-1} mb="s">
        {t('adminLists.services.listTitle')}
      </Heading>
      {services.isPending && <Loading />}
      {services.isError && <ErrorAlert error={services.error} />}
      {services.data && list.length === 0 && <Paragraph>{t('adminLists.services.empty')}</Paragraph>}
      {list.length > 0 && <DataTable caption={t('adminLists.services.listTitle')} columns={columns} rows={list} rowKey={(s) => s.id} />}
      <AddService taken={new Set(list.map((s) => s.code))} />
    </>
  );
}

function ServiceEditor({ service, onDone }: { service: ServiceView; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const update = useUpdateService();
  const save = (payload: EntryPayload) =>
    update.mutate(
      { serviceId: service.id, patch: { names: payload.labels, ...(payload.sortOrder === null ? {} : { sortOrder: payload.sortOrder }) } },
      { onSuccess: () => onDone(t('adminLists.services.saved', { code: service.code })) },
    );
  return (
    <EntryEditor
      prefix="service-edit"
      title={t('adminLists.services.editTitle', { code: service.code })}
      initial={{ code: service.code, ...service.names, sortOrder: String(service.sortOrder) }}
      codeLabel={t('adminLists.services.code')}
      isPending={update.isPending}
      error={update.isError ? update.error : null}
      onSubmit={save}
      onCancel={() => onDone(null)}
    />
  );
}

function AddService({ taken }: { taken: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const create = useCreateService();
  const [added, setAdded] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (round > 0) document.getElementById('service-add-code')?.focus();
  }, [round]);
  const add = (payload: EntryPayload) => {
    setAdded(null);
    create.mutate(
      { code: payload.code, names: payload.labels, sortOrder: payload.sortOrder ?? DEFAULT_SORT },
      {
        onSuccess: () => {
          setAdded(t('adminLists.services.added', { code: payload.code }));
          create.reset();
          setRound((n) => n + 1);
        },
      },
    );
  };
  return (
    <section className="form-section" aria-labelledby="service-add-heading">
      <Heading variant="h2" id="service-add-heading" mb="s">
        {t('adminLists.services.addTitle')}
      </Heading>
      {added !== null && <SuccessAlert>{added}</SuccessAlert>}
      <EntryForm
        key={round}
        prefix="service-add"
        initial={emptyEntry}
        rules={{ withCode: true, takenCodes: taken, withSortOrder: true }}
        codeLabel={t('adminLists.services.code')}
        codeHint={t('adminLists.codeHint')}
        submitText={t('adminLists.services.add')}
        isPending={create.isPending}
        error={create.isError ? create.error : null}
        onSubmit={add}
      />
    </section>
  );
}
