import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { CodeView } from '../../domain/outreach-views';
import { useCodes } from '../api/outreach';
import { DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SelectField } from '../common/select-field';
import { SuccessAlert } from '../common/success-alert';
import { type CodeKind, type CodeRegister, useCreateCode, useUpdateCode } from './api';
import { useEntryColumns } from './entry-columns';
import { EntryEditor } from './entry-editor';
import { EntryForm } from './entry-form';
import { emptyEntry, type EntryPayload } from './entry-values';
import './admin-lists.css';

const kinds: CodeKind[] = ['need', 'support'];
const registers: CodeRegister[] = ['health', 'social'];
const keyOf = (c: Pick<CodeView, 'kind' | 'register' | 'code'>) => `${c.kind}:${c.register}:${c.code}`;

/** Administrators keep the need and support code lists: add, rename, reorder, retire. */
export function CodesAdminPage() {
  const { t } = useTranslation();
  const codes = useCodes();
  const [kind, setKind] = useState<CodeKind>('need');
  const [register, setRegister] = useState<CodeRegister>('health');
  const [editing, setEditing] = useState<CodeView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toggle = useUpdateCode();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const list = (codes.data ?? []).filter((c) => c.kind === kind && c.register === register);
  const listName = t('adminLists.codes.listName', { kind: t(`adminLists.codes.kind.${kind}`), register: t(`adminLists.codes.register.${register}`) });

  const closeEditor = (message: string | null) => {
    setEditing(null);
    if (message !== null) setNotice(message);
    listHeading.current?.focus();
  };

  const setActive = (code: CodeView, isActive: boolean) => {
    setNotice(null);
    toggle.mutate(
      { code, patch: { isActive } },
      { onSuccess: () => setNotice(t(isActive ? 'adminLists.codes.reactivated' : 'adminLists.codes.retired', { code: code.code })) },
    );
  };

  const columns = useEntryColumns<CodeView>({
    codeLabel: t('adminLists.codes.code'),
    codeCell: (c) => <code data-code={keyOf(c)}>{c.code}</code>,
    namesOf: (c) => c.labels,
    onEdit: (c) => { setNotice(null); setEditing(c); },
    onToggle: (c) => setActive(c, !c.isActive),
    isToggling: toggle.isPending,
  });

  return (
    <>
      <PageHeading>{t('adminLists.codes.title')}</PageHeading>
      <Paragraph mb="m">{t('adminLists.codes.intro')}</Paragraph>
      <Paragraph mb="l" className="admin-lists__stable">{t('adminLists.codes.stable')}</Paragraph>
      <div className="admin-lists__filters">
        <SelectField id="codes-kind" label={t('adminLists.codes.kindLabel')} value={kind} options={kinds.map((k) => ({ value: k, label: t(`adminLists.codes.kind.${k}`) }))} onChange={(k) => { setKind(k); setEditing(null); }} />
        <SelectField id="codes-register" label={t('adminLists.codes.registerLabel')} value={register} options={registers.map((r) => ({ value: r, label: t(`adminLists.codes.register.${r}`) }))} onChange={(r) => { setRegister(r); setEditing(null); }} />
      </div>
      {notice !== null && <SuccessAlert>{notice}</SuccessAlert>}
      {toggle.isError && <ErrorAlert error={toggle.error} />}
      {editing && <CodeEditor key={keyOf(editing)} code={editing} onDone={closeEditor} />}
      <Heading variant="h2" id="codes-list-heading" ref={listHeading} tabIndex={-1} mb="s">
        {listName}
      </Heading>
      {codes.isPending && <Loading />}
      {codes.isError && <ErrorAlert error={codes.error} />}
      {codes.data && list.length === 0 && <Paragraph>{t('adminLists.codes.empty')}</Paragraph>}
      {list.length > 0 && <DataTable caption={listName} columns={columns} rows={list} rowKey={keyOf} />}
      <AddCode kind={kind} register={register} listName={listName} taken={new Set(list.map((c) => c.code))} />
    </>
  );
}

function CodeEditor({ code, onDone }: { code: CodeView; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const update = useUpdateCode();
  const save = (payload: EntryPayload) =>
    update.mutate(
      { code, patch: { labels: payload.labels, ...(payload.sortOrder === null ? {} : { sortOrder: payload.sortOrder }) } },
      { onSuccess: () => onDone(t('adminLists.codes.saved', { code: code.code })) },
    );
  return (
    <EntryEditor
      prefix="code-edit"
      title={t('adminLists.codes.editTitle', { code: code.code })}
      initial={{ code: code.code, ...code.labels, sortOrder: String(code.sortOrder) }}
      codeLabel={t('adminLists.codes.code')}
      isPending={update.isPending}
      error={update.isError ? update.error : null}
      onSubmit={save}
      onCancel={() => onDone(null)}
    />
  );
}

function AddCode({ kind, register, listName, taken }: { kind: CodeKind; register: CodeRegister; listName: string; taken: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const create = useCreateCode();
  const [added, setAdded] = useState<string | null>(null);
  // A new form (empty fields) after each code added, and when the list changes.
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (round > 0) document.getElementById('code-add-code')?.focus();
  }, [round]);
  const add = (payload: EntryPayload) => {
    setAdded(null);
    create.mutate(
      { kind, register, code: payload.code, labels: payload.labels },
      {
        onSuccess: () => {
          setAdded(t('adminLists.codes.added', { code: payload.code, list: listName }));
          create.reset();
          setRound((n) => n + 1);
        },
      },
    );
  };
  return (
    <section className="form-section" aria-labelledby="code-add-heading">
      <Heading variant="h2" id="code-add-heading" mb="s">
        {t('adminLists.codes.addTitle')}
      </Heading>
      <Paragraph mb="m">{t('adminLists.codes.addIntro', { list: listName })}</Paragraph>
      {added !== null && <SuccessAlert>{added}</SuccessAlert>}
      <EntryForm
        key={`${kind}:${register}:${round}`}
        prefix="code-add"
        initial={emptyEntry}
        rules={{ withCode: true, takenCodes: taken, withSortOrder: false }}
        codeLabel={t('adminLists.codes.code')}
        codeHint={t('adminLists.codeHint')}
        submitText={t('adminLists.codes.add')}
        isPending={create.isPending}
        error={create.isError ? create.error : null}
        onSubmit={add}
      />
    </section>
  );
}
