import { PageHeading } from '../common/page-heading';

// Placeholder wired into the router; the feature's owner replaces it.
export function SlipConfirmPage() {
  return <PageHeading>SlipConfirmPage</PageHeading>;
}
