import type { Page } from 'playwright-core';
import { AppShell, chooseFromDropdown } from './app-shell';

export type UserDraft = {
  username: string;
  displayName: string;
  password: string;
  professionLabel: string | null;
  roleLabel: string;
  scopeLabel: string;
};

export class UsersAdminPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/admin/users');
    await this.heading().waitFor();
  }

  async createUser(user: UserDraft): Promise<void> {
    await this.page.goto('/admin/users/new');
    await this.page.locator('#user-username').fill(user.username);
    await this.page.locator('#user-display-name').fill(user.displayName);
    if (user.professionLabel !== null) await chooseFromDropdown(this.page, 'user-profession', user.professionLabel);
    const roleRow = this.page.locator('fieldset.role-row').first();
    const roleId = (await roleRow.locator('[id$="-role_button"]').getAttribute('id'))?.replace(/_button$/, '');
    const scopeId = (await roleRow.locator('[id$="-scope_button"]').getAttribute('id'))?.replace(/_button$/, '');
    if (!roleId || !scopeId) throw new Error('The role row has no role or scope dropdown.');
    await chooseFromDropdown(this.page, roleId, user.roleLabel);
    await chooseFromDropdown(this.page, scopeId, user.scopeLabel);
    await this.page.locator('#user-password').fill(user.password);
    await this.page.locator('main button[type="submit"]').click();
    await this.page.waitForURL((url) => url.pathname === '/admin/users');
  }

  async rowText(displayName: string): Promise<string | null> {
    await this.page.locator('table.data-table').waitFor();
    const row = this.page.locator('table.data-table tbody tr', { hasText: displayName });
    return (await row.count()) === 0 ? null : row.first().innerText();
  }
}
