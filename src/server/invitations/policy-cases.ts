import { freshClient } from '../clients/policy-cases.js';
import type { Actor } from '../policy/policy.js';
import { noPlace, type Fixture, type PolicyCases } from '../testing/policy-matrix.js';
import { createExternalMember, issueInvitation, redeemWithPin } from './commands.js';
import { passkeyRegistrationOptions, passkeySignInOptions, redeemWithPasskey } from './passkeys.js';
import { softAuthenticator } from './soft-authenticator.js';

const PIN = '482915';
const inviters = ['coordinator', 'nurse', 'social_worker'] as const;
let made = 0;
// Each set-up step from an address of its own, so the invitation throttles stay out of the matrix's way.
const setUpAt = () => ({ requestId: null, address: `10.66.${Math.floor(++made / 250)}.${made % 250}` });

const workerOf = (f: Fixture): Actor => ({ userId: f.users.social_worker.id, regionId: f.regionId, displayName: 'test setup', profession: 'social_worker', roles: [{ role: 'professional', siteId: f.siteId }] });

async function freshMember(f: Fixture): Promise<string> {
  const { id } = await createExternalMember(f.h.deps, { actor: workerOf(f), ...setUpAt() }, { regionId: f.regionId, displayName: `Tukihenkilö ${f.unique}` });
  return id;
}

/** A fresh, unused invitation code of a fresh external member at the fixture's place. */
async function freshCode(f: Fixture): Promise<string> {
  const memberId = await freshMember(f);
  return (await issueInvitation(f.h.deps, { actor: workerOf(f), ...setUpAt() }, { principalKind: 'external', principalId: memberId })).code;
}

const webauthnOf = (f: Fixture) => ({ origin: f.h.deps.config.webauthn.origins[0]!, rpId: f.h.deps.config.webauthn.rpId });

// The person's routes are public (the code, PIN or passkey is the credential), so every caller alike gets
// a 2xx with a valid one; each request has its own code, since a code works once.
export const invitationPolicyCases: PolicyCases = {
  'POST /api/clients/:clientId/invitations': {
    // As for changing the client: those who work with them, wherever in the region; another region's client is 404.
    places: { scope: 'region' },
    allow: ['nurse', 'social_worker'],
    request: async (f) => ({ url: `/api/clients/${await freshClient(f)}/invitations` }),
  },
  'POST /api/external-members': {
    places: noPlace('The member is added to the caller\'s own region; the request names no place'),
    allow: [...inviters],
    request: (f) => ({ url: '/api/external-members', body: { displayName: `Tukihenkilö ${f.unique}` } }),
  },
  'POST /api/external-members/:memberId/invitations': {
    places: { scope: 'region' },
    allow: [...inviters],
    request: async (f) => ({ url: `/api/external-members/${await freshMember(f)}/invitations` }),
  },
  'POST /api/principal/pin/redeem': {
    places: noPlace('Public: the invitation code is the credential and names its own principal'),
    allow: 'public',
    request: async (f) => ({ url: '/api/principal/pin/redeem', body: { code: await freshCode(f), pin: PIN } }),
  },
  'POST /api/principal/pin/sign-in': {
    places: noPlace('Public: the code and PIN are the credential'),
    allow: 'public',
    request: async (f) => {
      const code = await freshCode(f);
      await redeemWithPin(f.h.deps, setUpAt(), { code, pin: PIN });
      return { url: '/api/principal/pin/sign-in', body: { code, pin: PIN } };
    },
  },
  'POST /api/principal/passkey/register/options': {
    places: noPlace('Public: the invitation code is the credential'),
    allow: 'public',
    request: async (f) => ({ url: '/api/principal/passkey/register/options', body: { code: await freshCode(f) } }),
  },
  'POST /api/principal/passkey/register': {
    places: noPlace('Public: the invitation code and the signed challenge are the credential'),
    allow: 'public',
    request: async (f) => {
      const code = await freshCode(f);
      const { challenge } = await passkeyRegistrationOptions(f.h.deps, setUpAt(), { code });
      return { url: '/api/principal/passkey/register', body: { code, response: softAuthenticator().register({ challenge, ...webauthnOf(f) }) } };
    },
  },
  'POST /api/principal/passkey/sign-in/options': {
    places: noPlace('Public: a challenge for any passkey, bound to no one'),
    allow: 'public',
    request: () => ({ url: '/api/principal/passkey/sign-in/options' }),
  },
  'POST /api/principal/passkey/sign-in': {
    places: noPlace('Public: the signed challenge is the credential and names its own principal'),
    allow: 'public',
    request: async (f) => {
      const code = await freshCode(f);
      const key = softAuthenticator();
      const registration = await passkeyRegistrationOptions(f.h.deps, setUpAt(), { code });
      await redeemWithPasskey(f.h.deps, setUpAt(), { code, response: key.register({ challenge: registration.challenge, ...webauthnOf(f) }) });
      const { challenge } = await passkeySignInOptions(f.h.deps);
      return { url: '/api/principal/passkey/sign-in', body: { response: key.assert({ challenge, ...webauthnOf(f) }) } };
    },
  },
};
