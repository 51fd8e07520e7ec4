import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ManagerLinks } from '../../domain/municipalities.js';
import { municipalityAnswererRole } from '../../domain/policy/structural-rules.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Executor } from '../db/connect.js';
import { municipalities, roleAssignments, users } from '../db/schema.js';
import { managerMunicipalities } from '../db/schema-structural.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import type { Ctx } from '../http/context.js';
import { authorize } from '../policy/policy.js';

async function municipalityOf(ex: Executor, regionId: string, code: string) {
  const [row] = await ex.select({ code: municipalities.code }).from(municipalities).where(and(eq(municipalities.code, code), eq(municipalities.regionId, regionId)));
  if (!row) throw notFound('Municipality');
}

async function linksOf(ex: Executor, code: string): Promise<ManagerLinks> {
  const rows = await ex
    .select({ id: users.id, displayName: users.displayName })
    .from(managerMunicipalities)
    .innerJoin(users, eq(users.id, managerMunicipalities.userId))
    .where(eq(managerMunicipalities.municipalityCode, code))
    .orderBy(asc(users.displayName), asc(users.id));
  return { municipalityCode: code, managers: rows };
}

/** The managers who answer the municipality's structural observations (names of staff: audited). */
export async function readManagerLinks(deps: Deps, ctx: Ctx, code: string): Promise<ManagerLinks> {
  authorize(ctx.actor, 'municipality.manage', { regionId: ctx.actor.regionId });
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    await municipalityOf(tx, ctx.actor.regionId, code);
    const links = await linksOf(tx, code);
    await writeAudit(tx, { ...ctx, at: now }, { action: 'municipality.managers_read', resourceType: 'municipality', resourceId: code, details: { ids: links.managers.map((m) => m.id) } });
    return links;
  });
}

/**
 * Sets the managers of a municipality: active users of the region who hold the manager role (anywhere in
 * it). The whole list is replaced, so an empty list leaves the municipality's observations unanswerable
 * until someone is named: the web says so.
 */
export async function setManagerLinks(deps: Deps, ctx: Ctx, code: string, userIds: string[]): Promise<ManagerLinks> {
  authorize(ctx.actor, 'municipality.manage', { regionId: ctx.actor.regionId });
  const now = deps.clock.now();
  const wanted = [...new Set(userIds)];
  return deps.db.orm.transaction(async (tx) => {
    await municipalityOf(tx, ctx.actor.regionId, code);
    if (wanted.length > 0) {
      const managers = await tx
        .selectDistinct({ id: users.id })
        .from(users)
        .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .where(and(inArray(users.id, wanted), eq(users.regionId, ctx.actor.regionId), eq(users.isActive, true), eq(roleAssignments.role, municipalityAnswererRole)));
      if (managers.length !== wanted.length) throw new AppError('bad_request', 'Every linked user must be an active manager of the region.', { field: 'userIds', reason: 'not_manager' });
    }
    await tx.delete(managerMunicipalities).where(eq(managerMunicipalities.municipalityCode, code));
    if (wanted.length > 0) await tx.insert(managerMunicipalities).values(wanted.map((userId) => ({ userId, municipalityCode: code, regionId: ctx.actor.regionId, createdAt: now })));
    await writeAudit(tx, { ...ctx, at: now }, { action: 'municipality.managers_set', resourceType: 'municipality', resourceId: code, details: { ids: wanted } });
    return linksOf(tx, code);
  });
}
