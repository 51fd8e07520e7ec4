import { eq } from 'drizzle-orm';
import { users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import type { RequestContext } from './commands.js';

/**
 * Links a staff account to the organisation's account whose configured claim (`sub`, `email`, …) has
 * this value, under the configured issuer; null unlinks. The password, if any, stays: local accounts remain.
 */
export async function linkOidcAccount(deps: Deps, ctx: RequestContext, userId: string, subject: string | null): Promise<void> {
  const settings = deps.config.oidc;
  if (!settings) throw new AppError('bad_request', 'No OpenID Connect provider is configured (SILTA_OIDC_ISSUER).');
  const value = subject === null ? null : settings.linkClaim === 'email' ? subject.trim().toLowerCase() : subject.trim();
  if (value === '') throw new AppError('bad_request', 'The linked value is empty.');
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ oidcIssuer: value === null ? null : settings.issuer, oidcSubject: value, updatedAt: now })
      .where(eq(users.id, userId))
      .returning({ regionId: users.regionId });
    if (!user) throw new AppError('not_found', 'User not found');
    await writeAudit(tx, { actor: null, at: now, requestId: ctx.requestId }, {
      action: value === null ? 'user.oidc_unlinked' : 'user.oidc_linked',
      resourceType: 'user',
      resourceId: userId,
      regionId: user.regionId,
      details: { claim: settings.linkClaim },
    });
  });
}
