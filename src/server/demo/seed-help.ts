import { and, eq } from 'drizzle-orm';
import { loadActor } from '../auth/actor-repo.js';
import { helpRequests } from '../db/schema-help.js';
import { services } from '../db/schema-outreach.js';
import { pilots } from '../db/schema-pilots.js';
import type { Deps } from '../deps.js';
import { createGoodPractice, publishGoodPractice } from '../good-practices/commands.js';
import { goodPracticeBody } from '../good-practices/test-support.js';
import { replyToSender, updateHelpRequest } from '../help-requests/commands.js';
import { submitHelpRequest } from '../help-requests/public.js';
import type { Actor } from '../policy/policy.js';

const DAY_MS = 86_400_000;

/**
 * Issue 19 in the demo: two made-up ask-for-help requests (one waiting for the guidance team, one the
 * social worker has answered) and one published good practice linked to the demo pilot when there is one.
 * The receipt codes are not kept anywhere: the demo sender's side is tried with a request of one's own.
 */
export async function seedDemoHelp(deps: Deps, place: { regionId: string; userIds: Map<string, string> }): Promise<void> {
  const account = async (name: string): Promise<Actor> => {
    const userId = place.userIds.get(name);
    const actor = userId ? await loadActor(deps.db.orm, userId) : null;
    if (!actor) throw new Error(`The demo account ${name} is missing.`);
    return actor;
  };
  const at = (daysAgo: number): Deps => ({ ...deps, clock: { now: () => new Date(deps.clock.now().getTime() - daysAgo * DAY_MS) } });
  const [coordinator, worker] = await Promise.all([account('demo.coordinator'), account('demo.socialworker')]);
  const sender = { requestId: null, address: 'demo-seed' };
  await submitHelpRequest(at(0), sender, { regionId: place.regionId, message: 'Hei, työttömyysturva loppuu ensi kuussa enkä tiedä, mitä sitten. Voiko joku soittaa?', callbackPhone: '040 000 0000', language: 'fi' });
  await submitHelpRequest(at(2), sender, { regionId: place.regionId, message: 'Jag behöver hjälp att söka bostadsbidrag.', callbackPhone: null, language: 'sv' });
  const [swedish] = await deps.db.orm.select({ id: helpRequests.id }).from(helpRequests).where(and(eq(helpRequests.regionId, place.regionId), eq(helpRequests.language, 'sv')));
  if (swedish) {
    await updateHelpRequest(at(1), { actor: coordinator, requestId: null }, swedish.id, { assigneeId: worker.userId });
    await replyToSender(at(1), { actor: worker, requestId: null }, swedish.id, 'Hej! Vi kan hjälpa dig med ansökan. Kom till dagcentret på tisdag kl. 10 eller svara här.');
  }
  const [pilot] = await deps.db.orm.select({ id: pilots.id }).from(pilots).where(eq(pilots.regionId, place.regionId)).limit(1);
  const serviceIds = (await deps.db.orm.select({ id: services.id }).from(services).where(eq(services.regionId, place.regionId)).limit(2)).map((s) => s.id);
  const ctx = { actor: coordinator, requestId: null };
  const practice = await createGoodPractice(deps, ctx, goodPracticeBody('Mylly: kohtaamispaikka ilman ajanvarausta', {
    pilotId: pilot?.id ?? null, serviceIds, figures: pilot ? [{ label: 'Käyntejä kokeilun aikana', value: '120' }] : [],
  }));
  await publishGoodPractice(deps, ctx, practice.id, true);
}
