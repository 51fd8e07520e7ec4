import { PageHeading } from '../common/page-heading';

// Placeholder wired into the router; the feature's owner replaces it.
export function AnnouncementsPage() {
  return <PageHeading>AnnouncementsPage</PageHeading>;
}
