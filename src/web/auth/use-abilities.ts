import type { Abilities, Action } from '../../domain/policy';
import { useSession } from '../api/auth';
import { may } from './abilities';

const none: Abilities = {};

/** The signed-in user's abilities; none while signed out or loading. */
export function useAbilities(): Abilities {
  return useSession().data?.abilities ?? none;
}

/** May the signed-in user do `action` (at `siteId`)? */
export function useCan(action: Action, siteId?: string): boolean {
  return may(useAbilities(), action, siteId);
}
