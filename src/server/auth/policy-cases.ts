import { noPlace, type PolicyCases, signedIn } from '../testing/policy-matrix.js';

export const authPolicyCases: PolicyCases = {
  'GET /api/health': { places: noPlace('Public: the server answers whether it is up, for every caller alike'), allow: 'public', request: () => ({ url: '/api/health' }) },
  'POST /api/auth/login': { places: noPlace('Public: signing in names a user, and the user\'s own role assignments are the place'), allow: 'public', request: (f) => ({ url: '/api/auth/login', body: { username: f.target.username, password: f.target.password } }) },
  'GET /api/auth/methods': { places: noPlace('Public: which sign-in methods the sign-in page offers, the same for every caller'), allow: 'public', request: () => ({ url: '/api/auth/methods' }) },
  'POST /api/auth/logout': { places: noPlace('Ends the caller\'s own session'), endsSession: true, allow: signedIn, request: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { places: noPlace('The caller\'s own profile'), allow: signedIn, request: () => ({ url: '/api/auth/me' }) },
  'PATCH /api/auth/me': { places: noPlace('The caller\'s own profile'), allow: signedIn, request: () => ({ url: '/api/auth/me', body: { locale: 'sv' } }) },
  // Every session of the user ends, and this one is replaced.
  'POST /api/auth/password': {
    places: noPlace('The caller\'s own password'), endsSession: true,
    allow: signedIn,
    request: (f) => ({ url: '/api/auth/password', body: { currentPassword: f.caller?.password ?? 'x', newPassword: f.caller?.password ?? 'long enough password' } }),
  },
};
