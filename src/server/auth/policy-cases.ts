import { signedIn, type PolicyCases } from '../testing/policy-matrix.js';

export const authPolicyCases: PolicyCases = {
  'GET /api/health': { allow: 'public', request: () => ({ url: '/api/health' }) },
  'POST /api/auth/login': { allow: 'public', request: (f) => ({ url: '/api/auth/login', body: { username: f.target.username, password: f.target.password } }) },
  'POST /api/auth/logout': { allow: signedIn, request: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { allow: signedIn, request: () => ({ url: '/api/auth/me' }) },
  'PATCH /api/auth/me': { allow: signedIn, request: () => ({ url: '/api/auth/me', body: { locale: 'sv' } }) },
  'POST /api/auth/password': {
    allow: signedIn,
    request: (f) => ({ url: '/api/auth/password', body: { currentPassword: f.caller?.password ?? 'x', newPassword: f.caller?.password ?? 'long enough password' } }),
  },
};
