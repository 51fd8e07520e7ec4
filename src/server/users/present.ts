import type { UserView } from '../../domain/api-types.js';
import type { UserWithRoles } from './repo.js';

/** Lists every field explicitly: a password hash must never reach a response by accident. */
export function presentUser(user: UserWithRoles): UserView {
  return {
    id: user.id,
    regionId: user.regionId,
    username: user.username,
    displayName: user.displayName,
    profession: user.profession,
    unitId: user.unitId,
    roles: user.roles,
    isActive: user.isActive,
    createdAt: user.createdAt.toISOString(),
  };
}
