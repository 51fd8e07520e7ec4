import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem } from 'suomifi-ui-components';
import type { SiteView } from '../../domain/api-types';
import { type Role, roles } from '../../domain/org';
import { roleLabel } from '../common/labels';
import { type FieldErrors, type RoleRow, newRoleRow, regionScope, roleFieldId } from './user-form-values';

type RolesEditorProps = { rows: RoleRow[]; sites: SiteView[]; errors: FieldErrors; onChange: (rows: RoleRow[]) => void };

/** Each role is held either at one site or in the whole region. */
export function RolesEditor({ rows, sites, errors, onChange }: RolesEditorProps) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<RoleRow>): void =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const error = errors['user-add-role'];

  return (
    <fieldset className="roles-editor">
      <legend className="fieldset-legend">{t('users.roles.legend')}</legend>
      <p className="muted">{t('users.roles.help')}</p>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="role-row">
          <legend className="role-row__legend">{t('users.roles.rowLegend', { number: index + 1 })}</legend>
          <Dropdown<Role>
            id={roleFieldId(row, 'role')}
            labelText={t('users.roles.role')}
            value={row.role}
            onChange={(role) => update(row.key, { role })}
          >
            {roles.map((role) => (
              <DropdownItem key={role} value={role}>
                {roleLabel(t, role)}
              </DropdownItem>
            ))}
          </Dropdown>
          <Dropdown
            id={roleFieldId(row, 'scope')}
            labelText={t('users.roles.scope')}
            value={row.scope}
            onChange={(scope) => update(row.key, { scope })}
          >
            {[
              <DropdownItem key={regionScope} value={regionScope}>
                {t('enums.scope.region')}
              </DropdownItem>,
              ...sites.map((site) => (
                <DropdownItem key={site.id} value={site.id}>
                  {site.name}
                </DropdownItem>
              )),
            ]}
          </Dropdown>
          <Button
            variant="secondaryNoBorder"
            onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            aria-label={t('users.roles.removeLabel', { number: index + 1 })}
          >
            {t('common.remove')}
          </Button>
        </fieldset>
      ))}
      {error && (
        <p className="field-error" id="user-add-role-error">
          {error}
        </p>
      )}
      <Button
        id="user-add-role"
        variant="secondary"
        onClick={() => onChange([...rows, newRoleRow()])}
        aria-describedby={error ? 'user-add-role-error' : undefined}
      >
        {t('users.roles.add')}
      </Button>
    </fieldset>
  );
}
