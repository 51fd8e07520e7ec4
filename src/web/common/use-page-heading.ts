import { type RefObject, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * What a page's h1 does besides showing the title: it names the page in the document title and takes
 * focus when the user navigates here, so screen reader and keyboard users start at the new content.
 * Kept apart from PageHeading (the design system's Heading) so that the sign-in page can use it with a
 * plain h1 and the first route carries no design-system code.
 */
export function usePageHeading(title: string): RefObject<HTMLHeadingElement | null> {
  const { t } = useTranslation();
  const location = useLocation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title, t]);

  useEffect(() => {
    // The first page of a visit keeps the browser's own focus; later pages move it here.
    if (location.key === 'default') return;
    ref.current?.focus();
    // Only a new path is a new page: filters in the query string must not move focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.pathname]);

  return ref;
}
