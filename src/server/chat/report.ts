import { sql } from 'drizzle-orm';
import type { ChatReport } from '../../domain/chat/schemas.js';
import { rowsOf } from '../db/connect.js';
import { helsinkiDayStart } from '../db/helsinki-time.js';
import { addDays } from '../../domain/calendar.js';
import type { Deps } from '../deps.js';
import type { RequestContext } from '../http/context.js';

const TZ = 'Europe/Helsinki';

/** The region's chat tallies over Helsinki days `from`..`to`: counts only, no chat is named. */
export async function readChatReport(deps: Deps, ctx: RequestContext, range: { from: string; to: string }): Promise<ChatReport> {
  const ex = deps.db.orm;
  const where = sql`region_id = ${ctx.actor.regionId} and created_at >= ${helsinkiDayStart(range.from)} and created_at < ${helsinkiDayStart(addDays(range.to, 1))}`;
  const [totals] = rowsOf<{ chats: number; answered: number; median: number | null; p90: number | null }>(await ex.execute(sql`
    select count(*)::int as chats, count(answered_at)::int as answered,
      percentile_cont(0.5) within group (order by extract(epoch from answered_at - created_at)) filter (where answered_at is not null) as median,
      percentile_cont(0.9) within group (order by extract(epoch from answered_at - created_at)) filter (where answered_at is not null) as p90
    from chat_sessions where ${where}`));
  const perOpeningHour = rowsOf<{ weekday: number; hour: number; chats: number }>(await ex.execute(sql`
    select extract(isodow from created_at at time zone ${TZ})::int as weekday, extract(hour from created_at at time zone ${TZ})::int as hour, count(*)::int as chats
    from chat_sessions where ${where} group by 1, 2 order by 1, 2`));
  const topics = rowsOf<{ topic: string; chats: number }>(await ex.execute(sql`
    select coalesce(topic, 'none') as topic, count(*)::int as chats from chat_sessions where ${where} group by 1 order by 2 desc, 1`));
  const outcomes = rowsOf<{ outcome: string; chats: number }>(await ex.execute(sql`
    select coalesce(outcome, 'open') as outcome, count(*)::int as chats from chat_sessions where ${where} group by 1 order by 2 desc, 1`));
  const distribution = rowsOf<{ rating: number; answers: number }>(await ex.execute(sql`
    select feedback::int as rating, count(*)::int as answers from chat_sessions where ${where} and feedback is not null group by 1 order by 1`));
  const answers = distribution.reduce((n, d) => n + Number(d.answers), 0);
  const sum = distribution.reduce((n, d) => n + Number(d.rating) * Number(d.answers), 0);
  const num = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return {
    chats: Number(totals?.chats ?? 0),
    answered: Number(totals?.answered ?? 0),
    waitSeconds: { median: num(totals?.median ?? null), p90: num(totals?.p90 ?? null) },
    perOpeningHour: perOpeningHour.map((r) => ({ weekday: Number(r.weekday), hour: Number(r.hour), chats: Number(r.chats) })),
    topics: topics.map((r) => ({ topic: r.topic, chats: Number(r.chats) })),
    outcomes: outcomes.map((r) => ({ outcome: r.outcome, chats: Number(r.chats) })),
    feedback: { answers, average: answers === 0 ? null : Math.round((sum / answers) * 10) / 10, distribution: distribution.map((d) => ({ rating: Number(d.rating), answers: Number(d.answers) })) },
  };
}
