import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading } from 'suomifi-ui-components';
import type { GroupSessionView } from '../../domain/groups';
import { AppLink } from '../common/app-link';
import { DataTable } from '../common/data-table';
import { SuccessAlert } from '../common/success-alert';
import { today } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import type { SeriesDetail } from './api';
import { ExtraSessionForm } from './extra-session-form';
import { sessionDay, timeRange } from './format';
import { SessionEditor } from './session-editor';

const sorted = (sessions: GroupSessionView[]) => [...sessions].sort((a, b) => a.day.localeCompare(b.day) || a.startsAt.localeCompare(b.startsAt));

/** The sessions with their themes and attendance; editing one opens its editor under the table. */
export function SessionsSection({ series, canEdit, canRecord }: { series: SeriesDetail; canEdit: boolean; canRecord: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editorRef = useRef<HTMLHeadingElement>(null);
  const now = today();
  const sessions = sorted(series.sessions);
  const session = sessions.find((s) => s.id === editing) ?? null;
  const open = (id: string) => {
    setNotice(null);
    setEditing(id);
    requestAnimationFrame(() => editorRef.current?.focus());
  };
  const close = (message: string | null) => {
    const id = editing;
    setEditing(null);
    setNotice(message);
    requestAnimationFrame(() => document.getElementById(`session-edit-${id}`)?.focus());
  };
  const status = (s: GroupSessionView) => (s.isCancelled ? t('groups.sessions.cancelled') : s.day > now ? t('groups.sessions.coming') : t('groups.sessions.held'));
  const figure = (s: GroupSessionView, key: 'total' | 'returning' | 'new') => (s.attendance ? String(s.attendance[key]) : '–');

  return (
    <section aria-labelledby="series-sessions" className="groups-section">
      <Heading variant="h2" id="series-sessions" mb="s">
        {t('groups.sessions.heading')}
      </Heading>
      {notice !== null && <SuccessAlert>{notice}</SuccessAlert>}
      <DataTable
        caption={t('groups.sessions.caption', { count: sessions.length })}
        rowKey={(s) => s.id}
        rows={sessions}
        columns={[
          { key: 'day', label: t('groups.sessions.day'), render: (s) => <span data-session-id={s.id} className="session-day">{sessionDay(s.day, locale)}</span> },
          { key: 'time', label: t('groups.sessions.time'), render: (s) => timeRange(s.startsAt, s.endsAt, locale) },
          {
            key: 'theme',
            label: t('groups.sessions.theme'),
            render: (s) => (s.theme === '' ? <span className="muted">{t('groups.sessions.noTheme')}</span> : <>{s.theme} <span className="muted">({s.isThemePublished ? t('groups.sessions.published') : t('groups.sessions.notPublished')})</span></>),
          },
          { key: 'status', label: t('groups.sessions.status'), render: (s) => <span className={s.isCancelled ? 'session-status session-status--cancelled' : 'session-status'}>{status(s)}</span> },
          { key: 'total', label: t('groups.figures.total'), render: (s) => <span data-figure="total">{figure(s, 'total')}</span> },
          { key: 'returning', label: t('groups.figures.returning'), render: (s) => <span data-figure="returning">{figure(s, 'returning')}</span> },
          { key: 'new', label: t('groups.figures.new'), render: (s) => <span data-figure="new">{figure(s, 'new')}</span> },
          {
            key: 'actions',
            label: t('groups.sessions.actions'),
            render: (s) => (
              <div className="session-actions">
                {canRecord && !s.isCancelled && s.day <= now && (
                  <AppLink to={`/groups/sessions/${s.id}/attendance?series=${series.id}`} className="record-link">
                    {t('groups.sessions.record')}
                    <span className="visually-hidden"> {sessionDay(s.day, locale)}</span>
                  </AppLink>
                )}
                {canEdit && (
                  <Button variant="secondaryNoBorder" id={`session-edit-${s.id}`} onClick={() => open(s.id)} aria-label={t('groups.sessions.editLabel', { day: sessionDay(s.day, locale) })}>
                    {t('groups.sessions.edit')}
                  </Button>
                )}
              </div>
            ),
          },
        ]}
      />
      {session && canEdit && <SessionEditor key={session.id} session={session} headingRef={editorRef} onClose={close} />}
      {canEdit && <ExtraSessionForm series={series} />}
    </section>
  );
}
