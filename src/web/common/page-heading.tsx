import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Heading } from 'suomifi-ui-components';

type PageHeadingProps = { children: string };

/**
 * The page's h1. It names the page in the document title and takes focus when the user
 * navigates here, so screen reader and keyboard users start at the new content.
 */
export function PageHeading({ children }: PageHeadingProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: children });
  }, [children, t]);

  useEffect(() => {
    // The first page of a visit keeps the browser's own focus; later pages move it here.
    if (location.key === 'default') return;
    ref.current?.focus();
    // Only a new path is a new page: filters in the query string must not move focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.pathname]);

  return (
    <Heading variant="h1" ref={ref} tabIndex={-1} className="page-heading" mb="l">
      {children}
    </Heading>
  );
}
