import type { SessionInfo } from '../../src/domain/api-types';
import { desktop, openPage, type Viewport } from './browser';
import { LoginPage } from '../pages/login-page';
import { demoPassword } from './server';
import type { Suite } from './suite';

/** A fresh browser profile signed in as a demo account, with the session (user, roles, CSRF token). */
export async function signedIn(suite: Suite, username: string, viewport: Viewport = desktop) {
  const opened = await openPage(suite.browser, suite.server.baseUrl, viewport);
  const login = new LoginPage(opened.page);
  await login.open();
  await login.signIn(username, demoPassword);
  const session = (await (await opened.page.request.get('/api/auth/me')).json()) as SessionInfo;
  return { ...opened, session };
}

/** The site of a role in a session (the first assignment of that role). */
export const siteOf = (session: SessionInfo, role: string): string => session.user.roles.find((r) => r.role === role)?.siteId ?? '';
