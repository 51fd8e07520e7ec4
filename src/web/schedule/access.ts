import type { Abilities } from '../../domain/policy';
import { may } from '../auth/abilities';

/** May the user plan and edit sessions at the site (the server's `session.manage`)? */
export const canManageAt = (abilities: Abilities, siteId: string): boolean => may(abilities, 'session.manage', siteId);
