import { lazy, Suspense } from 'react';
import { Outlet } from 'react-router';
import type { Action } from '../../domain/policy';
import { mayAny } from './abilities';
import { useAbilities } from './use-abilities';

// The refusal uses the design system; it loads only when shown, so the first route carries none of it.
const Forbidden = lazy(() => import('./forbidden').then((m) => ({ default: m.Forbidden })));

/** The pages' actions: those their API asks for (the server route's `config.access`); any one suffices. */
type RequireAbilityProps = { anyOf: readonly Action[] };

/** The server enforces access; this only spares users a page that would fail. */
export function RequireAbility({ anyOf }: RequireAbilityProps) {
  const abilities = useAbilities();
  if (mayAny(abilities, anyOf)) return <Outlet />;
  return (
    <Suspense fallback={null}>
      <Forbidden />
    </Suspense>
  );
}
