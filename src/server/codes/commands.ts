import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { codeInputSchema, codeUpdateSchema, serviceInputSchema, serviceUpdateSchema } from '../../domain/outreach.js';
import { codes, services } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { conflict, notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize, type Actor } from '../policy/policy.js';
import type { Ctx } from '../http/context.js';

type CodeKey = { kind: 'need' | 'support'; register: 'health' | 'social'; code: string };

export const listCodes = (deps: Deps) => deps.db.orm.select().from(codes).orderBy(asc(codes.kind), asc(codes.register), asc(codes.sortOrder), asc(codes.code));

export async function addCode(deps: Deps, ctx: Ctx, input: z.infer<typeof codeInputSchema>) {
  authorize(ctx.actor, 'code.manage', { regionId: ctx.actor.regionId });
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .insert(codes)
      .values({ kind: input.kind, register: input.register, code: input.code, labelFi: input.labels.fi, labelSv: input.labels.sv, labelEn: input.labels.en, sortOrder: 1000, isActive: true, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('That code already exists; codes are never reused, only retired.');
    await writeAudit(tx, { ...ctx, at: now }, { action: 'code.created', resourceType: 'code', resourceId: `${input.kind}:${input.register}:${input.code}` });
    return row;
  });
}

export async function updateCode(deps: Deps, ctx: Ctx, key: CodeKey, patch: z.infer<typeof codeUpdateSchema>) {
  authorize(ctx.actor, 'code.manage', { regionId: ctx.actor.regionId });
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .update(codes)
      .set({
        ...(patch.labels ? { labelFi: patch.labels.fi, labelSv: patch.labels.sv, labelEn: patch.labels.en } : {}),
        ...(patch.isActive === undefined ? {} : { isActive: patch.isActive }),
        ...(patch.sortOrder === undefined ? {} : { sortOrder: patch.sortOrder }),
      })
      .where(and(eq(codes.kind, key.kind), eq(codes.register, key.register), eq(codes.code, key.code)))
      .returning();
    if (!row) throw notFound('Code');
    await writeAudit(tx, { ...ctx, at: now }, { action: 'code.updated', resourceType: 'code', resourceId: `${key.kind}:${key.register}:${key.code}`, details: { fields: Object.keys(patch) } });
    return row;
  });
}

export const listServices = (deps: Deps, actor: Actor) =>
  deps.db.orm.select().from(services).where(eq(services.regionId, actor.regionId)).orderBy(asc(services.sortOrder), asc(services.nameFi));

export async function addService(deps: Deps, ctx: Ctx, input: z.infer<typeof serviceInputSchema>) {
  authorize(ctx.actor, 'service.manage', { regionId: ctx.actor.regionId });
  const now = deps.clock.now();
  const id = deps.ids.newId();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .insert(services)
      .values({ id, regionId: ctx.actor.regionId, code: input.code, nameFi: input.names.fi, nameSv: input.names.sv, nameEn: input.names.en, sortOrder: input.sortOrder, isActive: true, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('A service with that code already exists in this region.');
    await writeAudit(tx, { ...ctx, at: now }, { action: 'service.created', resourceType: 'service', resourceId: id });
    return row;
  });
}

export async function updateService(deps: Deps, ctx: Ctx, serviceId: string, patch: z.infer<typeof serviceUpdateSchema>) {
  authorize(ctx.actor, 'service.manage', { regionId: ctx.actor.regionId });
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .update(services)
      .set({
        updatedAt: now,
        ...(patch.names ? { nameFi: patch.names.fi, nameSv: patch.names.sv, nameEn: patch.names.en } : {}),
        ...(patch.isActive === undefined ? {} : { isActive: patch.isActive }),
        ...(patch.sortOrder === undefined ? {} : { sortOrder: patch.sortOrder }),
      })
      .where(and(eq(services.id, serviceId), eq(services.regionId, ctx.actor.regionId)))
      .returning();
    if (!row) throw notFound('Service');
    await writeAudit(tx, { ...ctx, at: now }, { action: 'service.updated', resourceType: 'service', resourceId: serviceId, details: { fields: Object.keys(patch) } });
    return row;
  });
}
