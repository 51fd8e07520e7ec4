// Placeholder wired into the routes; replaced by the feature's page.
export function PilotPage() {
  return null;
}
