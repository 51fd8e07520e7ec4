import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import { EntryForm } from './entry-form';
import type { EntryPayload, EntryValues } from './entry-values';

type EntryEditorProps = {
  /** `code-edit` or `service-edit`: the prefix of the form's ids and of its heading's. */
  prefix: string;
  title: string;
  initial: EntryValues;
  codeLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (payload: EntryPayload) => void;
  onCancel: () => void;
};

/**
 * Editing one entry of a list: the names and the order, never the stable code. The heading takes
 * focus when the editor opens, so keyboard and screen-reader users land on it.
 */
export function EntryEditor({ prefix, title, initial, codeLabel, isPending, error, onSubmit, onCancel }: EntryEditorProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="admin-lists__editor" aria-labelledby={`${prefix}-heading`}>
      <Heading variant="h2" id={`${prefix}-heading`} ref={heading} tabIndex={-1} mb="m">
        {title}
      </Heading>
      <EntryForm
        prefix={prefix}
        initial={initial}
        rules={{ withCode: false, takenCodes: new Set(), withSortOrder: true }}
        codeLabel={codeLabel}
        codeHint=""
        submitText={t('common.save')}
        isPending={isPending}
        error={error}
        onSubmit={onSubmit}
        onCancel={onCancel}
      />
    </section>
  );
}
