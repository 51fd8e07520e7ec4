import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { helsinkiDay } from '../../domain/calendar.js';
import { conditionFor } from '../../domain/policy/index.js';
import type { HelpCounts, HelpRequestStatus, HelpRequestSummary } from '../../domain/help-requests/schemas.js';
import { writeAudit } from '../audit/write-audit.js';
import { helpRequestMessages, helpRequests } from '../db/schema-help.js';
import type { Deps } from '../deps.js';
import type { Ctx } from '../http/context.js';
import { compileCondition, type FactColumns } from '../policy/sql.js';
import { displayNames } from './repo.js';
import { presentSummary } from './present.js';

/** Requests answer the rules' facts by their region and their assignee (no site: they are the region's). */
const helpRequestColumns: FactColumns = {
  region: (c) => sql`${helpRequests.regionId} = ${c.regionId}`,
  site_in: () => sql`false`,
  listed_professional: (c) => sql`${helpRequests.assigneeId} = ${c.userId}`,
};

const visibleTo = (ctx: Ctx) => compileCondition(conditionFor(ctx.actor, 'help_request.handle'), helpRequestColumns);

/** At most this many in the inbox at once: the oldest open ones first, where the promise runs out. */
const LIST_LIMIT = 200;

/** The inbox: open requests (or one state), oldest first. The list is a person-level read: audited with its ids. */
export async function listHelpRequests(deps: Deps, ctx: Ctx, status: HelpRequestStatus | 'open' = 'open'): Promise<HelpRequestSummary[]> {
  const ex = deps.db.orm;
  const byStatus = status === 'open' ? ne(helpRequests.status, 'closed') : eq(helpRequests.status, status);
  const rows = await ex.select().from(helpRequests).where(and(visibleTo(ctx), byStatus))
    .orderBy(status === 'closed' ? desc(helpRequests.closedAt) : asc(helpRequests.receivedAt), asc(helpRequests.id)).limit(LIST_LIMIT);
  const ids = rows.map((r) => r.id);
  const firsts = ids.length === 0 ? [] : await ex
    .selectDistinctOn([helpRequestMessages.requestId], { requestId: helpRequestMessages.requestId, body: helpRequestMessages.body })
    .from(helpRequestMessages).where(inArray(helpRequestMessages.requestId, ids))
    .orderBy(helpRequestMessages.requestId, asc(helpRequestMessages.at), asc(helpRequestMessages.id));
  const firstOf = new Map(firsts.map((m) => [m.requestId, m.body]));
  const names = await displayNames(ex, rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])));
  const now = deps.clock.now();
  await writeAudit(ex, { ...ctx, at: now }, { action: 'help_request.listed', resourceType: 'help_request', details: { status, ids } });
  return rows.map((r) => presentSummary(r, firstOf.get(r.id) ?? '', names, now));
}

/** The home page's notice: counts only, no request named. */
export async function helpCounts(deps: Deps, ctx: Ctx): Promise<HelpCounts> {
  const today = helsinkiDay(deps.clock.now());
  const [row] = await deps.db.orm
    .select({
      unassigned: sql<number>`count(*) filter (where ${helpRequests.assigneeId} is null)::int`,
      assignedToMe: sql<number>`count(*) filter (where ${helpRequests.assigneeId} = ${ctx.actor.userId})::int`,
      overdue: sql<number>`count(*) filter (where ${helpRequests.firstReplyAt} is null and ${helpRequests.answerDueDay} < ${today}::date)::int`,
    })
    .from(helpRequests)
    .where(and(visibleTo(ctx), ne(helpRequests.status, 'closed')));
  return { unassigned: Number(row?.unassigned ?? 0), assignedToMe: Number(row?.assignedToMe ?? 0), overdue: Number(row?.overdue ?? 0) };
}

