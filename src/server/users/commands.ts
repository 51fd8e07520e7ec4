import { eq } from 'drizzle-orm';
import type { UserInput, UserUpdate } from '../../domain/org.js';
import { users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize, type Actor } from '../policy/policy.js';
import type { RequestContext } from '../auth/commands.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { assertSitesInRegion, findUser, findUsers, replaceRoles } from './repo.js';

type Ctx = RequestContext & { actor: Actor | null };
const auditCtx = (deps: Deps, ctx: Ctx) => ({ actor: ctx.actor, at: deps.clock.now(), requestId: ctx.requestId });

/** Reading staff records is a person-level read: it is audited like any other. */
export async function listUsers(deps: Deps, ctx: Ctx & { actor: Actor }) {
  authorize(ctx.actor, 'user.list', { regionId: ctx.actor.regionId });
  const rows = await findUsers(deps.db.orm, ctx.actor.regionId);
  await writeAudit(deps.db.orm, auditCtx(deps, ctx), { action: 'user.listed', resourceType: 'user', details: { count: rows.length } });
  return rows;
}

async function loadUser(deps: Deps, actor: Actor, userId: string, action: 'user.read' | 'user.update' | 'user.reset_password') {
  const user = await findUser(deps.db.orm, userId);
  if (!user || user.regionId !== actor.regionId) throw notFound('User');
  authorize(actor, action, { regionId: user.regionId });
  return user;
}

export async function getUser(deps: Deps, ctx: Ctx & { actor: Actor }, userId: string) {
  const user = await loadUser(deps, ctx.actor, userId, 'user.read');
  await writeAudit(deps.db.orm, auditCtx(deps, ctx), { action: 'user.read', resourceType: 'user', resourceId: userId });
  return user;
}

/**
 * Creates a staff account. `ctx.actor` is null only for the CLI and the demo seeder, which run with
 * the operator's own authority on the server machine.
 */
export async function createUser(deps: Deps, ctx: Ctx, input: UserInput) {
  if (ctx.actor) authorize(ctx.actor, 'user.create', { regionId: input.regionId });
  const passwordHash = await deps.passwords.hash(input.password);
  const id = deps.ids.newId();
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    await assertSitesInRegion(tx, input.regionId, input.roles);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw conflict('That username is already taken.');
    await tx.insert(users).values({
      id,
      regionId: input.regionId,
      username: input.username,
      displayName: input.displayName,
      profession: input.profession,
      unitId: input.unitId,
      passwordHash,
      locale: null,
      isActive: true,
      createdAt: now,
      updatedAt: now,
    });
    await replaceRoles(tx, deps.ids, id, input.roles);
    await writeAudit(tx, auditCtx(deps, ctx), {
      action: 'user.created',
      resourceType: 'user',
      resourceId: id,
      regionId: input.regionId,
      details: { roles: input.roles.map((r) => r.role) },
    });
  });
  return (await findUser(deps.db.orm, id))!;
}

/** Administrators cannot lock themselves out: no deactivating oneself, no dropping one's own administrator role. */
function assertNotSelfLockout(actor: Actor, userId: string, patch: UserUpdate): void {
  if (actor.userId !== userId) return;
  const dropsAdmin = patch.roles && !patch.roles.some((r) => r.role === 'administrator' && r.siteId === null);
  if (patch.isActive === false || dropsAdmin) throw new AppError('bad_request', 'You cannot deactivate yourself or remove your own administrator role.');
}

export async function updateUser(deps: Deps, ctx: Ctx & { actor: Actor }, userId: string, patch: UserUpdate) {
  const user = await loadUser(deps, ctx.actor, userId, 'user.update');
  assertNotSelfLockout(ctx.actor, userId, patch);
  const { roles, ...fields } = patch;
  await deps.db.orm.transaction(async (tx) => {
    if (roles) {
      await assertSitesInRegion(tx, user.regionId, roles);
      await replaceRoles(tx, deps.ids, userId, roles);
    }
    await tx.update(users).set({ ...fields, updatedAt: deps.clock.now() }).where(eq(users.id, userId));
    // A deactivated account, or one whose rights changed, must sign in again.
    if (patch.isActive === false || roles) await deleteUserSessions(tx, userId);
    await writeAudit(tx, auditCtx(deps, ctx), { action: 'user.updated', resourceType: 'user', resourceId: userId, details: { fields: Object.keys(patch) } });
  });
  return (await findUser(deps.db.orm, userId))!;
}

export async function resetPassword(deps: Deps, ctx: Ctx, userId: string, newPassword: string) {
  if (ctx.actor) await loadUser(deps, ctx.actor, userId, 'user.reset_password');
  const passwordHash = await deps.passwords.hash(newPassword);
  await deps.db.orm.transaction(async (tx) => {
    const updated = await tx.update(users).set({ passwordHash, updatedAt: deps.clock.now() }).where(eq(users.id, userId)).returning({ id: users.id });
    if (updated.length === 0) throw notFound('User');
    await deleteUserSessions(tx, userId);
    await writeAudit(tx, auditCtx(deps, ctx), { action: 'user.password_reset', resourceType: 'user', resourceId: userId });
  });
}
