import { PageHeading } from '../common/page-heading';

// Placeholder wired into the router; the feature's owner replaces it.
export function FollowUpsPage() {
  return <PageHeading>FollowUpsPage</PageHeading>;
}
