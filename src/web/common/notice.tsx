import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { SuccessAlert } from './success-alert';

const noticeKinds = ['siteCreated', 'siteSaved', 'userCreated', 'userSaved'] as const;
export type NoticeKind = (typeof noticeKinds)[number];
/** A confirmation passed in navigation state by the page that did the work; translated when shown. */
export type Notice = { notice: NoticeKind; name: string };

function noticeFrom(state: unknown): Notice | null {
  if (typeof state !== 'object' || state === null) return null;
  const { notice, name } = state as { notice?: unknown; name?: unknown };
  const isKind = (noticeKinds as readonly unknown[]).includes(notice);
  return isKind && typeof name === 'string' ? { notice: notice as NoticeKind, name } : null;
}

export function NavigationNotice() {
  const { t } = useTranslation();
  const notice = noticeFrom(useLocation().state);
  if (!notice) return null;
  return <SuccessAlert>{t(`notices.${notice.notice}`, { name: notice.name })}</SuccessAlert>;
}
