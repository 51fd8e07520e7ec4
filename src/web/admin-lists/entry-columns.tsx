import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { Column } from '../common/data-table';

/** What the code list and the service directory have in common: a code, names in three languages, an order and a state. */
type ListEntry = { code: string; sortOrder: number; isActive: boolean };

type EntryColumnsOptions<T extends ListEntry> = {
  codeLabel: string;
  /** The code cell; it carries the data attribute a row is found by. */
  codeCell: (entry: T) => ReactNode;
  namesOf: (entry: T) => { fi: string; sv: string; en: string };
  onEdit: (entry: T) => void;
  /** Retires an active entry, brings back a retired one. */
  onToggle: (entry: T) => void;
  isToggling: boolean;
};

/** The columns of an administered list: code, the names, order, state, and edit and retire buttons. */
export function useEntryColumns<T extends ListEntry>({ codeLabel, codeCell, namesOf, onEdit, onToggle, isToggling }: EntryColumnsOptions<T>): Column<T>[] {
  const { t } = useTranslation();
  return [
    { key: 'code', label: codeLabel, render: codeCell },
    { key: 'fi', label: t('adminLists.fields.fi'), render: (e) => <span lang="fi">{namesOf(e).fi}</span> },
    { key: 'sv', label: t('adminLists.fields.sv'), render: (e) => <span lang="sv">{namesOf(e).sv}</span> },
    { key: 'en', label: t('adminLists.fields.en'), render: (e) => <span lang="en">{namesOf(e).en}</span> },
    { key: 'sort', label: t('adminLists.fields.sortOrder'), render: (e) => String(e.sortOrder) },
    { key: 'status', label: t('adminLists.status'), render: (e) => (e.isActive ? t('common.active') : t('common.inactive')) },
    {
      key: 'actions',
      label: t('adminLists.actions'),
      render: (e) => (
        <div className="admin-lists__row-actions">
          <Button variant="secondary" data-action="edit" onClick={() => onEdit(e)}>
            {t('adminLists.edit')}
            <span className="visually-hidden"> {e.code}</span>
          </Button>
          <Button variant="secondary" data-action={e.isActive ? 'retire' : 'reactivate'} disabled={isToggling} onClick={() => onToggle(e)}>
            {t(e.isActive ? 'adminLists.retire' : 'adminLists.reactivate')}
            <span className="visually-hidden"> {e.code}</span>
          </Button>
        </div>
      ),
    },
  ];
}
