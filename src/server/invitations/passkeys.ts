import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../db/connect.js';
import { invitations, principalCredentials, webauthnChallenges, type ChallengePurpose } from '../db/schema-signin.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import type { RequestContext } from '../auth/commands.js';
import { addressKey, countAttempt, refundAttempt } from '../auth/throttle.js';
import { auditRefusal, codeRefusal, completeRedemption, countTry, inviteAddressRule, invalidCode, resolvePrincipal, type PrincipalSignedIn } from './commands.js';
import { hashInvitationCode, normalizeInvitationCode } from './invitation-code.js';
import { createPrincipalSession, principalIdOf } from './principal-sessions.js';

/** A challenge is answered within minutes or not at all: the browser's own prompt times out sooner. */
export const CHALLENGE_MS = 5 * 60_000;

const passkeyRefused = () => new AppError('invalid_credentials', 'The passkey was not accepted. Try again, or sign in with your code and PIN.', { reason: 'passkey' });

const hashOf = (code: string) => {
  const normalized = normalizeInvitationCode(code);
  return normalized ? hashInvitationCode(normalized) : null;
};

/** The challenge the browser signed, read from the client data (verified again, with everything else, by the library). */
function challengeOf(clientDataJSON: string): string | null {
  try {
    const parsed = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    return typeof parsed.challenge === 'string' ? parsed.challenge : null;
  } catch {
    return null;
  }
}

async function storeChallenge(ex: Executor, now: Date, challenge: string, purpose: ChallengePurpose, invitationId: string | null): Promise<void> {
  // Unanswered challenges go as new ones come: the table never holds more than a few minutes' worth.
  await ex.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
  await ex.insert(webauthnChallenges).values({ challenge, purpose, invitationId, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_MS) });
}

/**
 * Uses up a challenge: deleted in one statement whatever becomes of the answer, so the same signed answer
 * (or any other answer to it) can never be accepted twice, even by two requests at once.
 */
async function takeChallenge(ex: Executor, clientDataJSON: string, purpose: ChallengePurpose, now: Date) {
  const challenge = challengeOf(clientDataJSON);
  if (!challenge) return null;
  const [row] = await ex
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.challenge, challenge), eq(webauthnChallenges.purpose, purpose), gt(webauthnChallenges.expiresAt, now)))
    .returning();
  return row ?? null;
}

async function liveInvitation(ex: Executor, codeHash: string, now: Date) {
  const [row] = await ex
    .select()
    .from(invitations)
    .where(and(eq(invitations.codeHash, codeHash), isNull(invitations.redeemedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)));
  return row ?? null;
}

/**
 * Step 1 of redeeming an invitation with a passkey: the code is checked (and counted, like a PIN
 * redemption) but not used up; the answer is what the browser's `startRegistration` needs, with a
 * challenge bound to this invitation.
 */
export async function passkeyRegistrationOptions(deps: Deps, ctx: RequestContext, input: { code: string }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const now = deps.clock.now();
  const audit = { actor: null, at: now, requestId: ctx.requestId };
  const codeHash = hashOf(input.code);
  const counters = await countTry(deps, ctx, codeHash, now);
  const invitation = codeHash ? await liveInvitation(deps.db.orm, codeHash, now) : null;
  const principal = invitation ? await resolvePrincipal(deps.db.orm, invitation.principalKind, invitation.principalId) : null;
  if (!invitation || !principal) {
    await auditRefusal(deps, audit, 'invitation.redeem_failed');
    throw invalidCode(await codeRefusal(deps.db.orm, codeHash, now));
  }
  const { rpId, rpName } = deps.config.webauthn;
  const options = await generateRegistrationOptions({
    rpName,
    rpID: rpId,
    userName: principal.displayName,
    userDisplayName: principal.displayName,
    // The principal's id as the user handle: a passkey made again on the same device replaces the old one there.
    userID: new TextEncoder().encode(principalIdOf(principal)),
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    timeout: CHALLENGE_MS,
  });
  await deps.db.orm.transaction(async (tx) => {
    await storeChallenge(tx, now, options.challenge, 'registration', invitation.id);
    // A good code asking for a challenge is no guess: neither counter keeps it.
    await refundAttempt(tx, counters.addressCounter);
    if (counters.codeCounter) await refundAttempt(tx, counters.codeCounter);
  });
  return options;
}

/**
 * Step 2: the browser's answer. The challenge is used up first; then the attestation is verified for
 * our relying party and origins, and only then, in one transaction, the invitation is redeemed (a
 * conditional update, as for a PIN), the passkey stored and the person signed in. Any refusal leaves
 * the invitation, credentials and sessions as they were.
 */
export async function redeemWithPasskey(deps: Deps, ctx: RequestContext, input: { code: string; response: RegistrationResponseJSON }): Promise<PrincipalSignedIn> {
  const now = deps.clock.now();
  const audit = { actor: null, at: now, requestId: ctx.requestId };
  const codeHash = hashOf(input.code);
  const counters = await countTry(deps, ctx, codeHash, now);
  const challenge = await takeChallenge(deps.db.orm, input.response.response.clientDataJSON, 'registration', now);
  const invitation = codeHash ? await liveInvitation(deps.db.orm, codeHash, now) : null;
  if (!invitation || !challenge || challenge.invitationId !== invitation.id) {
    await auditRefusal(deps, audit, 'invitation.redeem_failed', invitation?.id ?? null);
    throw invitation ? passkeyRefused() : invalidCode(await codeRefusal(deps.db.orm, codeHash, now));
  }
  const { rpId, origins } = deps.config.webauthn;
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: origins,
    expectedRPID: rpId,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) {
    await auditRefusal(deps, audit, 'invitation.redeem_failed', invitation.id);
    throw passkeyRefused();
  }
  const { credential } = verification.registrationInfo;
  const result = await deps.db.orm.transaction(async (tx) => {
    const [redeemed] = await tx
      .update(invitations)
      .set({ redeemedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.redeemedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
      .returning();
    const principal = redeemed ? await resolvePrincipal(tx, redeemed.principalKind, redeemed.principalId) : null;
    if (!redeemed || !principal) return null;
    const credentialId = deps.ids.newId();
    await tx.insert(principalCredentials).values({
      id: credentialId,
      principalKind: redeemed.principalKind,
      principalId: redeemed.principalId,
      regionId: redeemed.regionId,
      kind: 'passkey',
      lookupHash: credential.id,
      secretHash: Buffer.from(credential.publicKey).toString('base64url'),
      signCount: credential.counter,
      invitationId: redeemed.id,
      createdAt: now,
    });
    return completeRedemption(tx, deps, audit, counters, redeemed, principal, { credential: 'passkey', credentialId });
  });
  if (!result) {
    await auditRefusal(deps, audit, 'invitation.redeem_failed', invitation.id);
    throw invalidCode(await codeRefusal(deps.db.orm, codeHash, now));
  }
  return result;
}

/** A sign-in with a passkey, step 1: a challenge for any of this site's discoverable passkeys. */
export async function passkeySignInOptions(deps: Deps): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const now = deps.clock.now();
  const options = await generateAuthenticationOptions({ rpID: deps.config.webauthn.rpId, userVerification: 'preferred', timeout: CHALLENGE_MS });
  await deps.db.orm.transaction((tx) => storeChallenge(tx, now, options.challenge, 'authentication', null));
  return options;
}

/**
 * Step 2: the signed assertion. Refused, with nothing written but the throttle counter and an audit row,
 * when the challenge is unknown, used or expired (a replay), the passkey is unknown or revoked, or the
 * signature, origin or relying party does not verify.
 */
export async function signInWithPasskey(deps: Deps, ctx: RequestContext, input: { response: AuthenticationResponseJSON }): Promise<PrincipalSignedIn> {
  const now = deps.clock.now();
  const audit = { actor: null, at: now, requestId: ctx.requestId };
  const addressCounter = await addressKey(deps.db, 'invite', ctx.address);
  await countAttempt(deps.db.orm, addressCounter, inviteAddressRule, now);
  const challenge = await takeChallenge(deps.db.orm, input.response.response.clientDataJSON, 'authentication', now);
  const [stored] = await deps.db.orm
    .select()
    .from(principalCredentials)
    .where(and(eq(principalCredentials.kind, 'passkey'), eq(principalCredentials.lookupHash, input.response.id), isNull(principalCredentials.revokedAt)));
  const refuse = async (reason: string): Promise<never> => {
    await writeAudit(deps.db.orm, audit, {
      action: 'auth.principal_sign_in_failed',
      resourceType: 'principal_credential',
      resourceId: stored?.id ?? null,
      regionId: stored?.regionId ?? null,
      details: { method: 'passkey', reason },
    });
    throw passkeyRefused();
  };
  if (!challenge) return refuse('challenge');
  if (!stored) return refuse('unknown_credential');
  const { rpId, origins } = deps.config.webauthn;
  const verification = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: origins,
    expectedRPID: rpId,
    credential: { id: stored.lookupHash, publicKey: new Uint8Array(Buffer.from(stored.secretHash, 'base64url')), counter: stored.signCount },
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) return refuse('signature');
  const principal = await resolvePrincipal(deps.db.orm, stored.principalKind, stored.principalId);
  if (!principal) return refuse('principal');
  return deps.db.orm.transaction(async (tx) => {
    await tx.update(principalCredentials).set({ signCount: verification.authenticationInfo.newCounter }).where(eq(principalCredentials.id, stored.id));
    await refundAttempt(tx, addressCounter);
    const session = await createPrincipalSession(tx, deps, principal);
    await writeAudit(tx, audit, {
      action: 'auth.principal_sign_in',
      resourceType: 'principal_credential',
      resourceId: stored.id,
      regionId: stored.regionId,
      details: { principalKind: stored.principalKind, principalId: stored.principalId, method: 'passkey' },
    });
    return { ...session, principal };
  });
}
