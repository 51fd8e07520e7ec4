import { Link } from 'react-router';

type ButtonLinkProps = { to: string; children: string };

/**
 * A link that starts a task ("Add a site"), drawn like the design system's primary button.
 * It stays a link, because it navigates; the design system's link styles would override the colours.
 */
export function ButtonLink({ to, children }: ButtonLinkProps) {
  return (
    <Link to={to} className="button-link">
      {children}
    </Link>
  );
}
