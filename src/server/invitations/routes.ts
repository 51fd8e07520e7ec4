import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invitationCardSchema, principalSessionSchema, PRINCIPAL_SIGN_IN_PATH, type InvitationCard, type PrincipalSessionInfo } from '../../domain/invitations.js';
import type { Deps } from '../deps.js';
import { requestContext } from '../auth/routes.js';
import { contextOf } from '../http/context.js';
import { createExternalMember, issueInvitation, redeemWithPin, signInWithPin, type PrincipalSignedIn } from './commands.js';
import { passkeyRegistrationOptions, passkeySignInOptions, redeemWithPasskey, signInWithPasskey } from './passkeys.js';
import { PRINCIPAL_SESSION_COOKIE, type OutsidePrincipal } from './principal-sessions.js';

const tags = ['sign-in for clients and external members'];
const codeSchema = z.string().min(1).max(64);
const pinSchema = z.string().min(1).max(32);
const b64 = z.string().max(16_384);
// What the browser's WebAuthn call answered (as @simplewebauthn/browser sends it); the library checks the rest.
const registrationResponseSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: b64, attestationObject: b64 }),
  clientExtensionResults: z.looseObject({}),
});
const authenticationResponseSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: b64, authenticatorData: b64, signature: b64 }),
  clientExtensionResults: z.looseObject({}),
});
// The options are the library's, passed to the browser as they are.
const optionsSchema = z.looseObject({ challenge: z.string() });

const sessionInfo = (principal: OutsidePrincipal, csrfToken: string): PrincipalSessionInfo => ({
  principal: { kind: principal.kind, displayName: principal.displayName },
  csrfToken,
});

const card = (issued: { code: string; expiresAt: Date }, displayName: string): InvitationCard => ({
  code: issued.code,
  expiresAt: issued.expiresAt.toISOString(),
  displayName,
  signInPath: PRINCIPAL_SIGN_IN_PATH,
});

/**
 * Invitations and sign-in for people outside the organisation (issue 18 item 4). Staff issue a code
 * (answered once, for the printed card); the person redeems it with a passkey or a PIN and signs in
 * with either from then on, on routes of their own, with a session cookie of their own.
 */
export function registerInvitationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = (reply: FastifyReply, result: PrincipalSignedIn) => {
    void reply.setCookie(PRINCIPAL_SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.isSecureCookies,
      path: '/',
      maxAge: deps.config.sessionAbsoluteHours * 3600,
    });
    return sessionInfo(result.principal, result.csrfToken);
  };
  const staff = (request: FastifyRequest) => ({ ...contextOf(request), address: request.ip });

  // Staff: who works with the client invites them (the client rules, as for changing the client).
  r.post('/api/clients/:clientId/invitations', {
    config: { access: { access: 'action', action: 'client.update' } },
    schema: { tags, params: z.object({ clientId: z.uuid() }), response: { 201: invitationCardSchema } },
  }, async (request, reply) => {
    const issued = await issueInvitation(deps, staff(request), { principalKind: 'client', principalId: request.params.clientId });
    return reply.status(201).send(card(issued, issued.displayName));
  });

  r.post('/api/external-members', {
    config: { access: { access: 'action', action: 'external_member.invite' } },
    schema: { tags, body: z.object({ displayName: z.string().trim().min(1).max(200) }), response: { 201: z.object({ id: z.uuid(), displayName: z.string() }) } },
  }, async (request, reply) => {
    const ctx = staff(request);
    const { id } = await createExternalMember(deps, ctx, { regionId: ctx.actor.regionId, displayName: request.body.displayName });
    return reply.status(201).send({ id, displayName: request.body.displayName });
  });

  r.post('/api/external-members/:memberId/invitations', {
    config: { access: { access: 'action', action: 'external_member.invite' } },
    schema: { tags, params: z.object({ memberId: z.uuid() }), response: { 201: invitationCardSchema } },
  }, async (request, reply) => {
    const issued = await issueInvitation(deps, staff(request), { principalKind: 'external', principalId: request.params.memberId });
    return reply.status(201).send(card(issued, issued.displayName));
  });

  // The person: redeem the card's code with a PIN or a passkey, then sign in with either.
  const publicAccess = { access: { access: 'public' as const } };
  r.post('/api/principal/pin/redeem', {
    config: publicAccess,
    schema: { tags, body: z.object({ code: codeSchema, pin: pinSchema }), response: { 200: principalSessionSchema } },
  }, async (request, reply) => signedIn(reply, await redeemWithPin(deps, requestContext(request), request.body)));

  r.post('/api/principal/pin/sign-in', {
    config: publicAccess,
    schema: { tags, body: z.object({ code: codeSchema, pin: pinSchema }), response: { 200: principalSessionSchema } },
  }, async (request, reply) => signedIn(reply, await signInWithPin(deps, requestContext(request), request.body)));

  r.post('/api/principal/passkey/register/options', {
    config: publicAccess,
    schema: { tags, body: z.object({ code: codeSchema }), response: { 200: optionsSchema } },
  }, async (request) => ({ ...(await passkeyRegistrationOptions(deps, requestContext(request), request.body)) }));

  r.post('/api/principal/passkey/register', {
    config: publicAccess,
    schema: { tags, body: z.object({ code: codeSchema, response: registrationResponseSchema }), response: { 200: principalSessionSchema } },
  }, async (request, reply) => {
    const { code, response } = request.body;
    return signedIn(reply, await redeemWithPasskey(deps, requestContext(request), { code, response }));
  });

  r.post('/api/principal/passkey/sign-in/options', {
    config: publicAccess,
    schema: { tags, response: { 200: optionsSchema } },
  }, async () => ({ ...(await passkeySignInOptions(deps)) }));

  r.post('/api/principal/passkey/sign-in', {
    config: publicAccess,
    schema: { tags, body: z.object({ response: authenticationResponseSchema }), response: { 200: principalSessionSchema } },
  }, async (request, reply) => signedIn(reply, await signInWithPasskey(deps, requestContext(request), { response: request.body.response })));
}
