import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TrayImportResult } from '../../domain/services/views.js';
import { writeAudit } from '../audit/write-audit.js';
import { serviceOrganizations, trayServices } from '../db/schema-services.js';
import type { Deps } from '../deps.js';
import type { RequestContext } from '../http/context.js';
import { authorize, can } from '../policy/policy.js';
import { createTrayService, saveTrayDraft } from './commands.js';
import { serviceFacts } from './present.js';
import { contentFromPtv, ptvFileSchema, ptvItemsOf, type PtvService } from './ptv.js';
import { activeMunicipalityCodes, contentOf, loadVersion } from './repo.js';

export const ptvImportSchema = ptvFileSchema;

/** PTV's organisations named by the services, created in the tray's organisations when new (matched by PTV id). */
async function resolveOrganizations(deps: Deps, ctx: RequestContext, services: PtvService[]): Promise<{ idOf: (ptvId: string) => string; created: number }> {
  const refs = new Map<string, string>();
  for (const s of services) {
    for (const o of [...s.organizations.map((x) => x.organization), s.mainOrganization]) if (o) refs.set(o.id, o.name?.trim() || o.id);
  }
  const ids = new Map<string, string>();
  let created = 0;
  for (const [ptvId, name] of refs) {
    const [found] = await deps.db.orm.select({ id: serviceOrganizations.id }).from(serviceOrganizations).where(and(eq(serviceOrganizations.regionId, ctx.actor.regionId), eq(serviceOrganizations.ptvId, ptvId)));
    if (found) {
      ids.set(ptvId, found.id);
      continue;
    }
    const id = deps.ids.newId();
    await deps.db.orm.transaction(async (tx) => {
      await tx.insert(serviceOrganizations).values({ id, regionId: ctx.actor.regionId, nameFi: name.slice(0, 200), nameSv: '', nameEn: '', businessId: null, website: '', email: '', ptvId, createdAt: ctx.now, updatedAt: ctx.now });
      await writeAudit(tx, { ...ctx, at: ctx.now }, { action: 'tray_organization.created', resourceType: 'service_organization', resourceId: id, details: { ptvId } });
    });
    ids.set(ptvId, id);
    created += 1;
  }
  return { idOf: (ptvId) => ids.get(ptvId)!, created };
}

/**
 * Imports services from a Suomi.fi PTV file (Open API v11 model) as drafts of the caller's unit: a new PTV
 * service becomes a new tray service, one imported before gets a new version (when its PTV fields
 * changed). Municipalities outside the region are left out. Nothing is published: the unit completes
 * the nine fields and publishes.
 */
export async function importPtvServices(deps: Deps, ctx: RequestContext, file: z.infer<typeof ptvFileSchema>): Promise<TrayImportResult> {
  authorize(ctx.actor, 'tray.import', { regionId: ctx.actor.regionId });
  const all = ptvItemsOf(file);
  const skipped: TrayImportResult['skipped'] = [];
  const usable = all.filter((s) => {
    const reason = s.publishingStatus !== 'Published' ? 'not_published' : !s.serviceNames.some((n) => n.language === 'fi' && n.type === 'Name' && n.value.trim() !== '') ? 'no_finnish_name' : null;
    if (reason) skipped.push({ ptvId: s.id, reason });
    return reason === null;
  });
  const organizations = await resolveOrganizations(deps, ctx, usable);
  const active = await activeMunicipalityCodes(deps.db.orm, ctx.actor.regionId);
  const result: TrayImportResult = { created: [], updated: [], organizationsCreated: organizations.created, skipped };
  for (const service of usable) {
    const content = contentFromPtv(service, organizations.idOf);
    content.access.municipalityCodes = content.access.municipalityCodes.filter((c) => active.has(c));
    const [existing] = await deps.db.orm.select().from(trayServices).where(and(eq(trayServices.regionId, ctx.actor.regionId), eq(trayServices.ptvId, service.id)));
    if (!existing) {
      const created = await createTrayService(deps, ctx, { content }, { ptvId: service.id });
      result.created.push(created.id);
      continue;
    }
    if (!can(ctx.actor, 'tray_service.edit', serviceFacts(existing))) {
      skipped.push({ ptvId: service.id, reason: 'another_units_service' });
      continue;
    }
    // PTV's fields replace the tray's versions of them; what PTV does not have (fields 6–9, contacts,
    // locations, categories) stays as the unit wrote it.
    const current = contentOf((await loadVersion(deps.db.orm, existing.id, existing.currentVersion))!);
    const merged = { ...current, names: content.names, organiserId: content.organiserId, producerIds: content.producerIds, description: content.description, targetGroup: content.targetGroup, access: { ...current.access, howToGetIn: content.access.howToGetIn, allMunicipalities: content.access.allMunicipalities, municipalityCodes: content.access.municipalityCodes } };
    if (JSON.stringify(merged) === JSON.stringify(current)) {
      skipped.push({ ptvId: service.id, reason: 'unchanged' });
      continue;
    }
    await saveTrayDraft(deps, ctx, existing.id, { content: merged, baseVersion: existing.currentVersion });
    result.updated.push(existing.id);
  }
  return result;
}
