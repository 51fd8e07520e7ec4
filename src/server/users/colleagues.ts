import { and, asc, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { Profession } from '../../domain/org.js';
import type { ColleagueView } from '../../domain/colleagues.js';
import type { Executor } from '../db/connect.js';
import { roleAssignments, users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import type { Actor } from '../policy/policy.js';
import { loadSite } from '../policy/site-access.js';

export { colleagueListSchema, colleagueViewSchema, type ColleagueView } from '../../domain/colleagues.js';

type ColleagueRow = { id: string; displayName: string; profession: Profession | null };

/**
 * Active users of the region with the professional role at the site or region-wide, and a
 * profession. These are exactly the people the session and encounter commands accept
 * (`eligibleProfessionals`, `otherProfessionals`), so nothing offered here is refused on save.
 */
async function findColleagues(ex: Executor, regionId: string, siteId: string): Promise<ColleagueRow[]> {
  return ex
    .selectDistinct({ id: users.id, displayName: users.displayName, profession: users.profession })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(users.regionId, regionId),
        eq(users.isActive, true),
        isNotNull(users.profession),
        eq(roleAssignments.role, 'professional'),
        or(eq(roleAssignments.siteId, siteId), isNull(roleAssignments.siteId)),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

/**
 * The site's colleagues for choosing session staff and joint-encounter partners. Not audited: it is
 * a staff directory (names and professions of colleagues, which every staff member of the site
 * sees on the schedule anyway) and holds no visitor data — audit rows are kept for person-level
 * reads of visitors' records and for changes.
 */
export async function listColleagues(deps: Deps, actor: Actor, siteId: string): Promise<ColleagueView[]> {
  const site = await loadSite(deps, actor, siteId, 'colleague.list');
  const rows = await findColleagues(deps.db.orm, site.regionId, site.id);
  return rows.flatMap((row) => (row.profession === null ? [] : [{ id: row.id, displayName: row.displayName, profession: row.profession }]));
}
