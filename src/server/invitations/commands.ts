import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/connect.js';
import { externalMembers, invitations, principalCredentials, type PrincipalKind } from '../db/schema-signin.js';
import type { Deps } from '../deps.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { writeAudit, type AuditContext } from '../audit/write-audit.js';
import type { RequestContext } from '../auth/commands.js';
import { addressKey, clearAttempts, countAttempt, refundAttempt, type ThrottleRule } from '../auth/throttle.js';
import { canSomewhere, type Actor } from '../policy/policy.js';
import { loadClientFor } from '../clients/access.js';
import { findClient } from '../clients/repo.js';
import { hashInvitationCode, newInvitationCode, normalizeInvitationCode } from './invitation-code.js';
import { createPrincipalSession, deletePrincipalSessions, principalFrom, type OutsidePrincipal } from './principal-sessions.js';

export type StaffContext = RequestContext & { actor: Actor };

/**
 * Guessing is throttled twice: per address (a spray of made-up codes from one place) and per code (one
 * card's PIN tried over and over, from however many places). Only failures use them up.
 */
export const inviteAddressRule: ThrottleRule = { limit: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const inviteCodeRule: ThrottleRule = { limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Six digits at least: with the throttle, a few guesses in a million per card and quarter-hour. */
export const PIN_PATTERN = /^\d{6,12}$/;

/**
 * Why a code was refused, when the code itself is one Silta issued: `expired` or `used` (redeemed, or
 * replaced by a newer invitation). Saying so gives nothing away: a code has 100 random bits, so only its
 * holder can ask about it, and they need to know whether to ask their worker for a new one.
 */
export type CodeRefusal = 'expired' | 'used' | null;

export const invalidCode = (reason: CodeRefusal = null) =>
  new AppError('invalid_credentials', 'The code or PIN is not valid. A code works once and for a limited time: ask your worker for a new one if needed.', reason ? { reason } : undefined);

export async function codeRefusal(ex: Executor, codeHash: string | null, now: Date): Promise<CodeRefusal> {
  if (!codeHash) return null;
  const [row] = await ex.select().from(invitations).where(eq(invitations.codeHash, codeHash));
  if (!row) return null;
  if (row.redeemedAt || row.revokedAt) return 'used';
  return row.expiresAt <= now ? 'expired' : null;
}

// The rule (src/domain/policy/client-rules.ts) says who; the member's region must be the actor's.
function assertMayInvite(actor: Actor, regionId: string): void {
  if (actor.regionId !== regionId || !canSomewhere(actor, 'external_member.invite')) throw forbidden();
}

export async function resolvePrincipal(ex: Executor, kind: PrincipalKind, id: string): Promise<OutsidePrincipal | null> {
  if (kind === 'external') {
    const [member] = await ex.select().from(externalMembers).where(and(eq(externalMembers.id, id), eq(externalMembers.isActive, true)));
    return member ? principalFrom('external', member.id, member.regionId, member.displayName) : null;
  }
  const client = await findClient(ex, id);
  return client ? principalFrom('client', client.id, client.regionId, client.name) : null;
}

export async function createExternalMember(deps: Deps, ctx: StaffContext, input: { regionId: string; displayName: string }): Promise<{ id: string }> {
  assertMayInvite(ctx.actor, input.regionId);
  const now = deps.clock.now();
  const id = deps.ids.newId();
  await deps.db.orm.transaction(async (tx) => {
    await tx.insert(externalMembers).values({ id, regionId: input.regionId, displayName: input.displayName, createdBy: ctx.actor.userId, createdAt: now, isActive: true });
    await writeAudit(tx, { actor: ctx.actor, at: now, requestId: ctx.requestId }, { action: 'external_member.created', resourceType: 'external_member', resourceId: id, regionId: input.regionId });
  });
  return { id };
}

/**
 * Issues a one-time invitation for a client or an external member. The code is answered once and kept
 * only as its hash. Whatever the principal had before, an unused invitation, a PIN, a session, ends
 * here: a new invitation is how a lost card, PIN or passkey is replaced.
 */
export async function issueInvitation(
  deps: Deps,
  ctx: StaffContext,
  input: { principalKind: PrincipalKind; principalId: string; /** The demo's fixed, printed code (seed-clients.ts); never from a request. */ demo?: { code: string; days: number } },
): Promise<{ invitationId: string; code: string; expiresAt: Date; displayName: string }> {
  const principal = await resolvePrincipal(deps.db.orm, input.principalKind, input.principalId);
  if (!principal) throw notFound(input.principalKind === 'client' ? 'Client' : 'External member');
  // A client is invited by the people who work with them (the client rules: 404 to anyone unrelated).
  if (input.principalKind === 'client') await loadClientFor(deps, deps.db.orm, ctx.actor, input.principalId, 'client.update');
  else {
    // Another region's member is not visible at all (the matrix's rule: 404, as if it did not exist).
    if (principal.regionId !== ctx.actor.regionId) throw notFound('External member');
    assertMayInvite(ctx.actor, principal.regionId);
  }
  const now = deps.clock.now();
  const code = input.demo?.code ?? newInvitationCode();
  if (!normalizeInvitationCode(code)) throw new Error('not an invitation code');
  const invitationId = deps.ids.newId();
  const expiresAt = new Date(now.getTime() + (input.demo?.days ?? deps.config.invitationDays) * 86_400_000);
  const ofPrincipal = <T extends typeof invitations | typeof principalCredentials>(t: T) =>
    and(eq(t.principalKind, input.principalKind), eq(t.principalId, input.principalId), isNull(t.revokedAt));
  await deps.db.orm.transaction(async (tx) => {
    const oldInvitations = await tx.update(invitations).set({ revokedAt: now }).where(and(ofPrincipal(invitations), isNull(invitations.redeemedAt))).returning({ id: invitations.id });
    const oldCredentials = await tx.update(principalCredentials).set({ revokedAt: now }).where(ofPrincipal(principalCredentials)).returning({ id: principalCredentials.id });
    await deletePrincipalSessions(tx, input.principalKind, input.principalId);
    await tx.insert(invitations).values({
      id: invitationId,
      principalKind: input.principalKind,
      principalId: input.principalId,
      regionId: principal.regionId,
      codeHash: hashInvitationCode(normalizeInvitationCode(code)!),
      createdBy: ctx.actor.userId,
      createdAt: now,
      expiresAt,
    });
    await writeAudit(tx, { actor: ctx.actor, at: now, requestId: ctx.requestId }, {
      action: 'invitation.issued',
      resourceType: input.principalKind === 'client' ? 'client' : 'external_member',
      resourceId: input.principalId,
      regionId: principal.regionId,
      details: { invitationId, revokedInvitations: oldInvitations.length, revokedCredentials: oldCredentials.length },
    });
  });
  return { invitationId, code, expiresAt, displayName: principal.displayName };
}

/** Counts a try per address and per code before anything is checked (see auth/throttle.ts). */
export async function countTry(deps: Deps, ctx: RequestContext, codeHash: string | null, now: Date): Promise<{ addressCounter: string; codeCounter: string | null }> {
  const addressCounter = await addressKey(deps.db, 'invite', ctx.address);
  const codeCounter = codeHash ? `invite-code:${codeHash.slice(0, 22)}` : null;
  await countAttempt(deps.db.orm, addressCounter, inviteAddressRule, now);
  if (codeCounter) await countAttempt(deps.db.orm, codeCounter, inviteCodeRule, now);
  return { addressCounter, codeCounter };
}

export async function auditRefusal(deps: Deps, audit: AuditContext, action: string, resourceId: string | null = null): Promise<void> {
  await writeAudit(deps.db.orm, audit, { action, resourceType: 'invitation', resourceId });
}

export type PrincipalSignedIn = { token: string; csrfToken: string; principal: OutsidePrincipal };

type RedeemedInvitation = { id: string; principalKind: PrincipalKind; principalId: string; regionId: string };

/**
 * The end of a redemption inside its transaction, whatever the new credential: the guesses counted for
 * it are forgiven, a session opens and the audit says which credential was made.
 */
export async function completeRedemption(
  tx: Executor,
  deps: Deps,
  audit: AuditContext,
  counters: { addressCounter: string; codeCounter: string | null },
  invitation: RedeemedInvitation,
  principal: OutsidePrincipal,
  credential: Record<string, unknown>,
): Promise<PrincipalSignedIn> {
  if (counters.codeCounter) await clearAttempts(tx, counters.codeCounter);
  await refundAttempt(tx, counters.addressCounter);
  const session = await createPrincipalSession(tx, deps, principal);
  await writeAudit(tx, audit, {
    action: 'invitation.redeemed',
    resourceType: 'invitation',
    resourceId: invitation.id,
    regionId: invitation.regionId,
    details: { principalKind: invitation.principalKind, principalId: invitation.principalId, ...credential },
  });
  return { ...session, principal };
}

/**
 * Redeems an invitation code and registers a PIN for it: the code is used up, the PIN (argon2id) goes
 * with the card's code for later sign-ins, and the person is signed in. A used, expired, revoked or
 * unknown code gets one answer. All of it is one transaction, and the use of the code is a conditional
 * update, so two redemptions at once cannot both win and a refusal leaves nothing behind but the
 * throttle counters and the audit row.
 */
export async function redeemWithPin(deps: Deps, ctx: RequestContext, input: { code: string; pin: string }): Promise<PrincipalSignedIn> {
  if (!PIN_PATTERN.test(input.pin)) throw new AppError('bad_request', 'The PIN must be 6 to 12 digits.', { field: 'pin' });
  const now = deps.clock.now();
  const audit = { actor: null, at: now, requestId: ctx.requestId };
  const normalized = normalizeInvitationCode(input.code);
  const codeHash = normalized ? hashInvitationCode(normalized) : null;
  const counters = await countTry(deps, ctx, codeHash, now);
  if (!codeHash) {
    await auditRefusal(deps, audit, 'invitation.redeem_failed');
    throw invalidCode();
  }
  const pinHash = await deps.passwords.hash(input.pin);
  const result = await deps.db.orm.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ redeemedAt: now })
      .where(and(eq(invitations.codeHash, codeHash), isNull(invitations.redeemedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
      .returning();
    if (!invitation) return null;
    const principal = await resolvePrincipal(tx, invitation.principalKind, invitation.principalId);
    if (!principal) return null;
    await tx.insert(principalCredentials).values({
      id: deps.ids.newId(),
      principalKind: invitation.principalKind,
      principalId: invitation.principalId,
      regionId: invitation.regionId,
      kind: 'pin',
      lookupHash: codeHash,
      secretHash: pinHash,
      invitationId: invitation.id,
      createdAt: now,
    });
    return completeRedemption(tx, deps, audit, counters, invitation, principal, { credential: 'pin' });
  });
  if (!result) {
    await auditRefusal(deps, audit, 'invitation.redeem_failed');
    throw invalidCode(await codeRefusal(deps.db.orm, codeHash, now));
  }
  return result;
}

/** Signs a client or an external member in with their card's code and PIN. */
export async function signInWithPin(deps: Deps, ctx: RequestContext, input: { code: string; pin: string }): Promise<PrincipalSignedIn> {
  const now = deps.clock.now();
  const audit = { actor: null, at: now, requestId: ctx.requestId };
  const normalized = normalizeInvitationCode(input.code);
  const codeHash = normalized ? hashInvitationCode(normalized) : null;
  const counters = await countTry(deps, ctx, codeHash, now);
  const [credential] = codeHash
    ? await deps.db.orm.select().from(principalCredentials).where(and(eq(principalCredentials.lookupHash, codeHash), eq(principalCredentials.kind, 'pin'), isNull(principalCredentials.revokedAt)))
    : [];
  // An unknown code costs one verification too, so the timing does not tell which codes exist.
  const isValid = credential ? await deps.passwords.verify(credential.secretHash, input.pin) : (await deps.passwords.burn(input.pin), false);
  const principal = credential && isValid ? await resolvePrincipal(deps.db.orm, credential.principalKind, credential.principalId) : null;
  if (!credential || !principal) {
    await writeAudit(deps.db.orm, audit, { action: 'auth.principal_sign_in_failed', resourceType: 'principal_credential', resourceId: credential?.id ?? null, regionId: credential?.regionId ?? null });
    throw invalidCode();
  }
  return deps.db.orm.transaction(async (tx) => {
    if (counters.codeCounter) await clearAttempts(tx, counters.codeCounter);
    await refundAttempt(tx, counters.addressCounter);
    const session = await createPrincipalSession(tx, deps, principal);
    await writeAudit(tx, audit, {
      action: 'auth.principal_sign_in',
      resourceType: 'principal_credential',
      resourceId: credential.id,
      regionId: credential.regionId,
      details: { principalKind: credential.principalKind, principalId: credential.principalId, method: 'pin' },
    });
    return { ...session, principal };
  });
}

/** How many live (unrevoked) credentials a principal has: for tests and the worker's view. */
export async function liveCredentialCount(ex: Executor, kind: PrincipalKind, principalId: string): Promise<number> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(principalCredentials)
    .where(and(eq(principalCredentials.principalKind, kind), eq(principalCredentials.principalId, principalId), isNull(principalCredentials.revokedAt)));
  return row?.n ?? 0;
}
