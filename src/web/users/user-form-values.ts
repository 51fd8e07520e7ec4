import type { TFunction } from 'i18next';
import type { UserView } from '../../domain/api-types';
import { type Profession, type Role, type RoleAssignment, passwordSchema, usernameSchema } from '../../domain/org';

export const noneValue = 'none';
export const regionScope = 'region';

export type RoleRow = { key: string; role: Role; scope: string };
export type UserFormValues = {
  username: string;
  displayName: string;
  profession: Profession | typeof noneValue;
  unitId: string;
  roles: RoleRow[];
  password: string;
  isActive: boolean;
};
export type FieldErrors = Record<string, string>;
export type UserPayload = {
  username: string;
  displayName: string;
  profession: Profession | null;
  unitId: string | null;
  roles: RoleAssignment[];
  password: string;
  isActive: boolean;
};

let nextKey = 0;
export const newRoleRow = (): RoleRow => ({ key: `role-${++nextKey}`, role: 'professional', scope: regionScope });
export const roleFieldId = (row: RoleRow, part: 'role' | 'scope'): string => `${row.key}-${part}`;

export const emptyUser = (): UserFormValues => ({
  username: '',
  displayName: '',
  profession: noneValue,
  unitId: noneValue,
  roles: [newRoleRow()],
  password: '',
  isActive: true,
});

export function userToValues(user: UserView): UserFormValues {
  return {
    username: user.username,
    displayName: user.displayName,
    profession: user.profession ?? noneValue,
    unitId: user.unitId ?? noneValue,
    roles: user.roles.map((assignment) => ({ ...newRoleRow(), role: assignment.role, scope: assignment.siteId ?? regionScope })),
    password: '',
    isActive: user.isActive,
  };
}

function toAssignments(rows: RoleRow[]): RoleAssignment[] {
  const seen = new Set<string>();
  const result: RoleAssignment[] = [];
  for (const row of rows) {
    const id = `${row.role}@${row.scope}`;
    if (seen.has(id)) continue; // the same role twice at the same place means nothing more
    seen.add(id);
    result.push({ role: row.role, siteId: row.scope === regionScope ? null : row.scope });
  }
  return result;
}

/** Validates with the same schemas the API uses; `isCreate` adds the username and password checks. */
export function validateUser(t: TFunction, values: UserFormValues, isCreate: boolean): { payload: UserPayload; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (isCreate && !usernameSchema.safeParse(values.username).success) errors['user-username'] = t('validation.username');
  if (values.displayName.trim() === '') errors['user-display-name'] = t('users.errors.displayNameRequired');
  if (isCreate && !passwordSchema.safeParse(values.password).success) errors['user-password'] = t('validation.passwordLength');
  if (values.roles.length === 0) errors['user-add-role'] = t('users.errors.roleRequired');
  const payload: UserPayload = {
    username: values.username.trim().toLowerCase(),
    displayName: values.displayName.trim(),
    profession: values.profession === noneValue ? null : values.profession,
    unitId: values.unitId === noneValue ? null : values.unitId,
    roles: toAssignments(values.roles),
    password: values.password,
    isActive: values.isActive,
  };
  return { payload, errors };
}
