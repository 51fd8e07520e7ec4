import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { ProcessPrompt } from '../../domain/clients/process';
import type { ClientDetail } from '../../domain/clients/schemas';
import { type Column, DataTable } from '../common/data-table';
import { formatDate, formatDateTime } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { SuccessAlert } from '../common/success-alert';
import { useLocale } from '../i18n/use-locale';
import { useAdvanceProcess } from './api';
import { DeadlineBadge } from './deadline-badge';
import { EndForm } from './end-form';
import { ProcessPrompts } from './process-prompts';
import { stepButtons } from './process-steps';

type Process = NonNullable<ClientDetail['process']>;
type Deadline = Process['deadlines'][number];

/**
 * The client process: the current step, each clock (statutory or local, due day, due soon or overdue),
 * the steps allowed from here as buttons, and the history with dates. Ending asks the reason's questions;
 * what the answer prompts (a handover meeting, a notification) stays on screen after the move.
 */
export function ProcessSection({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const advance = useAdvanceProcess(client.id);
  const [isEnding, setIsEnding] = useState(false);
  const [moved, setMoved] = useState<{ state: string; prompts: ProcessPrompt[] } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const process = client.process;

  if (process === null) {
    return (
      <section className="client-section" aria-labelledby="client-process-heading" id="client-process">
        <Heading variant="h2" id="client-process-heading" mb="s">{t('clients.process.title')}</Heading>
        <Paragraph>{t('clients.process.none')}</Paragraph>
      </section>
    );
  }

  const move = (event: Parameters<typeof advance.mutate>[0]) => {
    setMoved(null);
    advance.mutate(event, {
      onSuccess: (answer) => {
        setIsEnding(false);
        setMoved({ state: answer.state, prompts: answer.prompts });
        heading.current?.focus();
      },
    });
  };

  const clockColumns: Column<Deadline>[] = [
    { key: 'clock', label: t('clients.clocks.columns.clock'), render: (d) => t(`clients.clocks.names.${d.clockKey}` as 'clients.clocks.names.local_assessment_start', { defaultValue: d.clockKey }) },
    { key: 'basis', label: t('clients.clocks.columns.basis'), render: (d) => <span data-basis={d.basis}>{t(`clients.clocks.basis.${d.basis}`)}</span> },
    { key: 'due', label: t('clients.clocks.columns.due'), render: (d) => formatDate(d.dueOn, locale) },
    {
      key: 'status',
      label: t('clients.clocks.columns.status'),
      render: (d) => (
        <span data-clock={d.clockKey}>
          <DeadlineBadge status={d.status} />
          {d.metOn !== null && ` ${t('clients.clocks.met', { date: formatDate(d.metOn, locale) })}`}
        </span>
      ),
    },
  ];

  return (
    <section className="client-section client-process" aria-labelledby="client-process-heading" id="client-process">
      <Heading variant="h2" id="client-process-heading" ref={heading} tabIndex={-1} mb="s">{t('clients.process.title')}</Heading>
      {moved !== null && <SuccessAlert>{t('clients.process.moved', { state: t(`clients.states.${moved.state as Process['state']}`) })}</SuccessAlert>}
      {moved !== null && moved.prompts.length > 0 && <ProcessPrompts prompts={moved.prompts} />}
      <dl className="client-facts">
        <dt>{t('clients.process.current')}</dt>
        <dd><strong id="client-process-state" data-state={process.state}>{t(`clients.states.${process.state}`)}</strong></dd>
        <dt>{t('clients.process.contactAt')}</dt>
        <dd>{formatDateTime(process.contactAt, locale)}</dd>
        <dt>{t('clients.process.source')}</dt>
        <dd>{t(`clients.sources.${process.contactSource}`)}</dd>
        <dt>{t('clients.process.statutoryGroup')}</dt>
        <dd>{t(process.isStatutoryGroup ? 'clients.process.yes' : 'clients.process.no')}</dd>
        {process.handler && (
          <>
            <dt>{t('clients.process.handler')}</dt>
            <dd>{process.handler.displayName}</dd>
          </>
        )}
        <dt>{t('clients.process.need')}</dt>
        <dd className="client-need">{process.need}</dd>
        {process.endedAt !== null && (
          <>
            <dt>{t('clients.process.endedAt')}</dt>
            <dd>{formatDateTime(process.endedAt, locale)}</dd>
          </>
        )}
        {process.endReason !== null && (
          <>
            <dt>{t('clients.process.endReason')}</dt>
            <dd>{t(`clients.end.reasons.${process.endReason}`)}</dd>
          </>
        )}
      </dl>

      <Heading variant="h3" mb="xs">{t('clients.process.clocksTitle')}</Heading>
      {process.deadlines.length === 0 ? <Paragraph>{t('clients.process.noClocks')}</Paragraph> : <DataTable caption={t('clients.clocks.caption')} columns={clockColumns} rows={process.deadlines} rowKey={(d) => d.clockKey} />}

      {client.can.advanceProcess && process.nextEvents.length > 0 && (
        <div className="client-process__next" id="client-process-next">
          <Heading variant="h3" mb="xs">{t('clients.process.nextTitle')}</Heading>
          {advance.isError && <ErrorAlert error={advance.error} />}
          <div className="client-process__buttons">
            {stepButtons(process.nextEvents).map((type) => (
              <Button key={type} id={`process-${type}`} variant={type === 'choose_individual_support' ? 'secondary' : 'default'} disabled={advance.isPending} onClick={() => move({ type })}>
                {t(`clients.actions.${type}`)}
              </Button>
            ))}
            {process.nextEvents.includes('end') && !isEnding && (
              <Button id="process-end" variant="secondary" disabled={advance.isPending} onClick={() => setIsEnding(true)}>
                {t('clients.actions.end')}
              </Button>
            )}
          </div>
          {isEnding && <EndForm isPending={advance.isPending} onSubmit={(end) => move({ type: 'end', end })} onCancel={() => setIsEnding(false)} />}
        </div>
      )}

      <Heading variant="h3" mb="xs">{t('clients.process.historyTitle')}</Heading>
      <ol className="client-history" id="client-process-history">
        {process.events.map((e, i) => (
          <li key={`${e.at}-${i}`} data-event={e.type}>
            <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>{' '}
            {t(`clients.history.${e.type}` as 'clients.history.contact', { defaultValue: e.type })}
            {e.by && <span className="muted"> · {e.by.displayName}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
