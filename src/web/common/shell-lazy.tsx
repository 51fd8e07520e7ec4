import { lazy, Suspense } from 'react';

// The shell's error alert shows only when the session check fails. It uses the design system's
// InlineAlert (styled-components, its tokens and polished, about 40 KiB gzipped with the rest of the
// design system), so it loads when first shown and the first route stays within its budget. Its own
// Suspense has no fallback: nothing flashes meanwhile.
const ErrorAlertPart = lazy(() => import('./error-alert').then((m) => ({ default: m.ErrorAlert })));

export function LazyErrorAlert({ error }: { error: unknown }) {
  return (
    <Suspense fallback={null}>
      <ErrorAlertPart error={error} />
    </Suspense>
  );
}
