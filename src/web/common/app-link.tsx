import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';

type AppLinkProps = { to: string; children: ReactNode; className?: string };

/** A design-system link that navigates inside the app without reloading it. */
export function AppLink({ to, children, className }: AppLinkProps) {
  return (
    <RouterLink asComponent={Link} to={to} className={className}>
      {children}
    </RouterLink>
  );
}
