import { Heading } from 'suomifi-ui-components';
import { usePageHeading } from './use-page-heading';

type PageHeadingProps = { children: string };

/**
 * The page's h1. It names the page in the document title and takes focus when the user
 * navigates here, so screen reader and keyboard users start at the new content.
 */
export function PageHeading({ children }: PageHeadingProps) {
  const ref = usePageHeading(children);
  return (
    <Heading variant="h1" ref={ref} tabIndex={-1} className="page-heading" mb="l">
      {children}
    </Heading>
  );
}
