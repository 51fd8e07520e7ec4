import { eq } from 'drizzle-orm';
import type { Locale } from '../../domain/org.js';
import type { Me } from '../../domain/api-types.js';
import { users } from '../db/schema.js';
import type { Tx } from '../db/connect.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Actor } from '../policy/policy.js';
import { loadActor } from './actor-repo.js';
import { createSession, deleteSession, deleteUserSessions } from './sessions.js';
import { accountRule, addressKey, addressRule, clearAttempts, countAttempt, refundAttempt } from './throttle.js';

export type RequestContext = { requestId: string | null; address: string };
export type SignedIn = { token: string; csrfToken: string; user: Me };

const invalidCredentials = () => new AppError('invalid_credentials', 'The username or password is wrong.');

/** Reads the signed-in user's own profile as the API shows it. */
export async function readMe(deps: Deps, actor: Actor): Promise<Me> {
  const [row] = await deps.db.orm.select({ username: users.username, locale: users.locale }).from(users).where(eq(users.id, actor.userId));
  if (!row) throw new AppError('unauthenticated', 'Sign in first.');
  return {
    id: actor.userId,
    username: row.username,
    displayName: actor.displayName,
    regionId: actor.regionId,
    profession: actor.profession,
    roles: actor.roles,
    locale: row.locale,
  };
}

/**
 * Signs a user in with a password. The same message answers an unknown username, a wrong password and a
 * deactivated account, and an unknown username still pays for one hash verification, so neither the
 * reply nor its timing tells which usernames exist.
 */
export async function signIn(
  deps: Deps,
  ctx: RequestContext,
  input: { username: string; password: string; previousTokenHash: string | null },
): Promise<SignedIn> {
  const username = input.username.trim().toLowerCase();
  const now = deps.clock.now();
  const audit = { actor: null, at: now, requestId: ctx.requestId };
  const addressCounter = await addressKey(deps.db, 'address', ctx.address);
  try {
    await countAttempt(deps.db.orm, addressCounter, { ...addressRule, limit: deps.config.signInAddressLimit }, now);
    await countAttempt(deps.db.orm, `account:${username}`, accountRule, now);
  } catch (error) {
    await writeAudit(deps.db.orm, audit, { action: 'auth.sign_in_throttled', resourceType: 'account', details: { username: username.slice(0, 64) } });
    throw error;
  }
  const [user] = await deps.db.orm.select().from(users).where(eq(users.username, username));
  const isValid = user?.isActive && user.passwordHash ? await deps.passwords.verify(user.passwordHash, input.password) : (await deps.passwords.burn(input.password), false);
  if (!user || !isValid) {
    await writeAudit(deps.db.orm, audit, {
      action: 'auth.sign_in_failed',
      resourceType: 'user',
      resourceId: user?.id ?? null,
      regionId: user?.regionId ?? null,
      details: { username: username.slice(0, 64) },
    });
    throw invalidCredentials();
  }
  return deps.db.orm.transaction(async (tx) => {
    // A new token on every sign-in defeats session fixation; the old session, if any, ends.
    if (input.previousTokenHash) await deleteSession(tx, input.previousTokenHash);
    await clearAttempts(tx, `account:${username}`);
    // Counted before the check so a parallel burst cannot slip through; given back now that it
    // succeeded, so everyone behind one proxy address can sign in however many they are.
    await refundAttempt(tx, addressCounter);
    return openSignedInSession(tx, deps, user, audit, {}, invalidCredentials);
  });
}

/**
 * The end of every staff sign-in, whatever the method (password, OpenID Connect): a new session, the
 * audit row and the answer the web gets. `details` says how (`{ method: 'oidc' }`); `gone` is the
 * error for a user removed in the meantime.
 */
export async function openSignedInSession(
  tx: Tx,
  deps: Deps,
  user: typeof users.$inferSelect,
  audit: { at: Date; requestId: string | null },
  details: Record<string, unknown>,
  gone: () => Error,
): Promise<SignedIn> {
  const session = await createSession(tx, deps, user.id);
  const actor = await loadActor(tx, user.id);
  if (!actor) throw gone();
  await writeAudit(tx, { ...audit, actor }, { action: 'auth.sign_in', resourceType: 'user', resourceId: user.id, ...(Object.keys(details).length > 0 ? { details } : {}) });
  const me: Me = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    regionId: user.regionId,
    profession: user.profession,
    roles: actor.roles,
    locale: user.locale,
  };
  return { ...session, user: me };
}

export async function signOut(deps: Deps, ctx: RequestContext, actor: Actor, tokenHash: string): Promise<void> {
  await deps.db.orm.transaction(async (tx) => {
    await deleteSession(tx, tokenHash);
    await writeAudit(tx, { actor, at: deps.clock.now(), requestId: ctx.requestId }, { action: 'auth.sign_out', resourceType: 'user', resourceId: actor.userId });
  });
}

/**
 * Changes one's own password. Every session of the user ends, this one included, and this browser gets
 * a new one: a stolen cookie (or one fixed before) dies with the old password, and the user stays
 * signed in here.
 */
export async function changeOwnPassword(
  deps: Deps,
  ctx: RequestContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string; csrfToken: string }> {
  const [user] = await deps.db.orm.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  const isValid = user?.passwordHash ? await deps.passwords.verify(user.passwordHash, input.currentPassword) : false;
  if (!isValid) throw new AppError('bad_request', 'The current password is wrong.', { field: 'currentPassword' });
  const passwordHash = await deps.passwords.hash(input.newPassword);
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, actor.userId));
    await deleteUserSessions(tx, actor.userId);
    const session = await createSession(tx, deps, actor.userId);
    await writeAudit(tx, { actor, at: now, requestId: ctx.requestId }, { action: 'auth.password_changed', resourceType: 'user', resourceId: actor.userId });
    return session;
  });
}

export async function setOwnLocale(deps: Deps, ctx: RequestContext, actor: Actor, locale: Locale): Promise<void> {
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    await tx.update(users).set({ locale, updatedAt: now }).where(eq(users.id, actor.userId));
    await writeAudit(tx, { actor, at: now, requestId: ctx.requestId }, { action: 'user.locale_changed', resourceType: 'user', resourceId: actor.userId, details: { locale } });
  });
}
