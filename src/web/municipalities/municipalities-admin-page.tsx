import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { MunicipalityView } from '../../domain/municipalities';
import { type Column, DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SuccessAlert } from '../common/success-alert';
import { useCreateMunicipality, useMunicipalities, useUpdateMunicipality } from './api';
import { emptyMunicipality, MunicipalityForm } from './municipality-form';
import '../admin-lists/admin-lists.css';

/** Administrators keep the region's municipalities: the codes clients, services and reports point at. */
export function MunicipalitiesAdminPage() {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const toggle = useUpdateMunicipality();
  const [editing, setEditing] = useState<MunicipalityView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const list = municipalities.data ?? [];

  const closeEditor = (message: string | null) => {
    setEditing(null);
    if (message !== null) setNotice(message);
    listHeading.current?.focus();
  };
  const setActive = (m: MunicipalityView, isActive: boolean) => {
    setNotice(null);
    toggle.mutate(
      { code: m.code, patch: { isActive } },
      { onSuccess: () => setNotice(t(isActive ? 'municipalities.reactivated' : 'municipalities.deactivated', { name: m.names.fi, code: m.code })) },
    );
  };

  const columns: Column<MunicipalityView>[] = [
    { key: 'code', label: t('municipalities.fields.code'), render: (m) => <code data-municipality={m.code}>{m.code}</code> },
    { key: 'fi', label: t('municipalities.fields.fi'), render: (m) => <span lang="fi">{m.names.fi}</span> },
    { key: 'sv', label: t('municipalities.fields.sv'), render: (m) => <span lang="sv">{m.names.sv}</span> },
    { key: 'en', label: t('municipalities.fields.en'), render: (m) => <span lang="en">{m.names.en}</span> },
    { key: 'status', label: t('municipalities.status'), render: (m) => (m.isActive ? t('common.active') : t('common.inactive')) },
    {
      key: 'actions',
      label: t('municipalities.actions'),
      render: (m) => (
        <div className="admin-lists__row-actions">
          <Button variant="secondary" data-action="edit" onClick={() => { setNotice(null); setEditing(m); }}>
            {t('municipalities.edit')}
            <span className="visually-hidden"> {m.names.fi}</span>
          </Button>
          <Button variant="secondary" data-action={m.isActive ? 'deactivate' : 'reactivate'} disabled={toggle.isPending} onClick={() => setActive(m, !m.isActive)}>
            {t(m.isActive ? 'municipalities.deactivate' : 'municipalities.reactivate')}
            <span className="visually-hidden"> {m.names.fi}</span>
          </Button>
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeading>{t('municipalities.title')}</PageHeading>
      <Paragraph mb="l">{t('municipalities.intro')}</Paragraph>
      {notice !== null && <SuccessAlert>{notice}</SuccessAlert>}
      {toggle.isError && <ErrorAlert error={toggle.error} />}
      {editing && <MunicipalityEditor key={editing.code} municipality={editing} onDone={closeEditor} />}
      <Heading variant="h2" id="municipalities-list-heading" ref={listHeading} tabIndex={-1} mb="s">
        {t('municipalities.listTitle')}
      </Heading>
      {municipalities.isPending && <Loading />}
      {municipalities.isError && <ErrorAlert error={municipalities.error} />}
      {municipalities.data && list.length === 0 && <Paragraph>{t('municipalities.empty')}</Paragraph>}
      {list.length > 0 && <DataTable caption={t('municipalities.listTitle')} columns={columns} rows={list} rowKey={(m) => m.code} />}
      <AddMunicipality taken={new Set(list.map((m) => m.code))} />
    </>
  );
}

function MunicipalityEditor({ municipality, onDone }: { municipality: MunicipalityView; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const update = useUpdateMunicipality();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="admin-lists__editor" aria-labelledby="municipality-edit-heading">
      <Heading variant="h2" id="municipality-edit-heading" ref={heading} tabIndex={-1} mb="m">
        {t('municipalities.editTitle', { name: municipality.names.fi, code: municipality.code })}
      </Heading>
      <MunicipalityForm
        prefix="municipality-edit"
        initial={{ code: municipality.code, ...municipality.names }}
        isNew={false}
        taken={new Set()}
        submitText={t('common.save')}
        isPending={update.isPending}
        error={update.isError ? update.error : null}
        onSubmit={(input) => update.mutate({ code: municipality.code, patch: { names: input.names } }, { onSuccess: () => onDone(t('municipalities.saved', { name: input.names.fi })) })}
        onCancel={() => onDone(null)}
      />
    </section>
  );
}

function AddMunicipality({ taken }: { taken: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const create = useCreateMunicipality();
  const [added, setAdded] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (round > 0) document.getElementById('municipality-add-code')?.focus();
  }, [round]);
  return (
    <section className="form-section" aria-labelledby="municipality-add-heading">
      <Heading variant="h2" id="municipality-add-heading" mb="s">
        {t('municipalities.addTitle')}
      </Heading>
      {added !== null && <SuccessAlert>{added}</SuccessAlert>}
      <MunicipalityForm
        key={round}
        prefix="municipality-add"
        initial={emptyMunicipality}
        isNew
        taken={taken}
        submitText={t('municipalities.add')}
        isPending={create.isPending}
        error={create.isError ? create.error : null}
        onSubmit={(input) => {
          setAdded(null);
          create.mutate(input, {
            onSuccess: () => {
              setAdded(t('municipalities.added', { name: input.names.fi, code: input.code }));
              create.reset();
              setRound((n) => n + 1);
            },
          });
        }}
      />
    </section>
  );
}
