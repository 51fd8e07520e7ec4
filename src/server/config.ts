import path from 'node:path';
import type { WorkingDaySettings } from '../domain/calendar.js';
import { parseProcessClocks } from '../domain/clients/clock-settings.js';
import { defaultProcessClocks, type ProcessClock } from '../domain/clients/clocks.js';
import { SUPPRESSION_DEFAULT, SUPPRESSION_MINIMUM } from '../domain/report.js';
import { defaultRetentionSettings, retentionRules, retentionSettingProblem, type RetentionSettings } from '../domain/retention/rules.js';
import { parseTrustProxy, TrustProxyError, type TrustProxy } from './http/trust-proxy.js';
import { parseRoleMap, RoleMapError, type OidcRoleMapping } from './auth/oidc-role-map.js';

/** Everything Silta reads from the environment, parsed once at start. */
export type Config = {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent Silta runs on embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  /**
   * The schema owner's login on PostgreSQL, used only by `npm run admin -- migrate` and `restore`.
   * When set, DATABASE_URL is the server's restricted login (docs/OPERATIONS.md, Database roles).
   */
  migrationDatabaseUrl: string | null;
  dataDir: string;
  webDir: string;
  /** Secure cookies everywhere except plain-http localhost development. */
  isSecureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  demoPassword: string | null;
  /**
   * Whether the demo also gets a few months of made-up history (encounters, day logs, groups, feedback),
   * so a newcomer's lists and report have something in them. Browser tests turn it off to start from a
   * known, empty state and save the seeding time.
   */
  isDemoHistory: boolean;
  /** Published report figures below this are hidden (domain.md § 3): a deployment's choice, never below 3. */
  reportThreshold: number;
  /** Load shedding (http/admission.ts): requests that work at once, and how long the rest may wait in line. */
  maxConcurrentRequests: number;
  /** Of those, how many may change data at once (POST, PUT, PATCH, DELETE). */
  maxConcurrentWrites: number;
  maxQueueWaitMs: number;
  /**
   * Open chat streams (server-sent events) this process holds at once. Streams bypass the admission
   * gate (a stream is held for minutes; it does no database work while it waits), so they have this cap.
   */
  maxChatStreams: number;
  /** Which X-Forwarded-For entries are believed (http/trust-proxy.ts). */
  trustProxy: TrustProxy;
  /** Failed sign-ins one address may make in 15 minutes (successes are refunded). */
  signInAddressLimit: number;
  logLevel: string;
  /** How working days are counted for deadlines: whether Midsummer Eve and Christmas Eve are working days. */
  workingDays: WorkingDaySettings;
  /**
   * The client process's clocks (SILTA_PROCESS_CLOCKS, JSON; src/domain/clients/clock-settings.ts says
   * why a setting): the defaults are the seeds' local service level and the Social Welfare Act § 36.
   */
  processClocks: readonly ProcessClock[];
  /** How many days back day-centre staff may still log a day (a forgotten Friday on Monday); 0 = today only. */
  daylogBackdateDays: number;
  /** Staff sign-in through the organisation's OpenID Connect provider; null (off) unless an issuer is set. */
  oidc: OidcConfig | null;
  /** How long an invitation code for a client or an external member may be redeemed. */
  invitationDays: number;
  /** Retention of person-level records (src/domain/retention/rules.ts; docs/PRIVACY.md § Retention). */
  retention: RetentionSettings;
  /** Passkeys of clients and external members (invitations/passkeys.ts). */
  webauthn: WebAuthnConfig;
  /** Working days a manager has to answer a structural social work observation (SILTA_STRUCTURAL_ANSWER_WORKING_DAYS). */
  structuralAnswerWorkingDays: number;
  /** Working days within which an ask-for-help request is promised an answer, shown to the sender (SILTA_HELP_ANSWER_WORKING_DAYS). */
  helpAnswerWorkingDays: number;
  /** Days a closed ask-for-help request is kept before the daily retention job deletes it (SILTA_RETENTION_HELP_REQUEST_DAYS). */
  helpRequestRetentionDays: number;
  /**
   * Hosts (host or host:port) a coordinator may import regional indicators from by URL, e.g.
   * `sotkanet.fi` (SILTA_INDICATOR_IMPORT_HOSTS, comma-separated). Empty, the default: by-URL import is off
   * (many deployments have no internet); files can always be uploaded.
   */
  indicatorImportHosts: string[];
  /** Every this many ms the server logs its admission line and pool (a warn line, `load sample`); 0 = never. */
  loadSampleMs: number;
};

/**
 * The WebAuthn relying party: the id is the host name (no scheme, no port) that passkeys are bound to;
 * the origins are the exact addresses the sign-in page is served at. A passkey made for one id never
 * works for another, so these are chosen once per deployment.
 */
export type WebAuthnConfig = { rpId: string; rpName: string; origins: string[] };

/** The organisation's OpenID Connect provider (auth/oidc-config.ts reads it). */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Silta's callback as registered at the provider, e.g. https://silta.example.fi/api/auth/oidc/callback. */
  redirectUri: string;
  /** The ID token claim whose value links to a user's oidc_subject: `sub` unless the provider's `sub` is unstable. */
  linkClaim: string;
  /**
   * Roles from the provider's groups (SILTA_OIDC_ROLE_CLAIM, SILTA_OIDC_ROLE_MAP): when set, each
   * OpenID Connect sign-in sets the linked account's roles from it; null leaves roles to administrators.
   */
  roleMapping: OidcRoleMapping | null;
  /**
   * Test-only: lets the in-test provider run on plain http. The production start (main.ts) refuses to
   * run with it set; without it an http issuer is refused here.
   */
  allowHttpIssuer: boolean;
};

/** The environment variable of the test-only http allowance: main.ts refuses it like the test clock. */
export const OIDC_TEST_HTTP_VARIABLE = 'SILTA_OIDC_TEST_ALLOW_HTTP_ISSUER';

export class ConfigError extends Error {}

function intFrom(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${key} must be a whole number, got "${raw}"`);
  return value;
}

function positiveIntFrom(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const value = intFrom(env, key, fallback);
  if (value < 1) throw new ConfigError(`${key} must be at least 1, got ${value}`);
  return value;
}

function thresholdFrom(env: NodeJS.ProcessEnv): number {
  const value = intFrom(env, 'SILTA_REPORT_THRESHOLD', SUPPRESSION_DEFAULT);
  // Refused rather than raised quietly: whoever set it should know their setting is not in force.
  if (value < SUPPRESSION_MINIMUM) throw new ConfigError(`SILTA_REPORT_THRESHOLD must be at least ${SUPPRESSION_MINIMUM}, got ${value}: smaller counts could identify people.`);
  return value;
}

function retentionFrom(env: NodeJS.ProcessEnv): RetentionSettings {
  const setting = (rule: 'client_record' | 'signin_spent' | 'external_member', fallback: number): number => {
    const value = intFrom(env, retentionRules[rule].setting, fallback);
    // Refused rather than raised quietly, like the report threshold: a shorter statutory time is not in force.
    const problem = retentionSettingProblem(rule, value);
    if (problem) throw new ConfigError(problem);
    return value;
  };
  return {
    clientYears: setting('client_record', defaultRetentionSettings.clientYears),
    signinDays: setting('signin_spent', defaultRetentionSettings.signinDays),
    externalMemberYears: setting('external_member', defaultRetentionSettings.externalMemberYears),
  };
}

function trustProxyFrom(env: NodeJS.ProcessEnv): TrustProxy {
  try {
    return parseTrustProxy(env.SILTA_TRUST_PROXY);
  } catch (error) {
    if (error instanceof TrustProxyError) throw new ConfigError(error.message);
    throw error;
  }
}

function booleanFrom(env: NodeJS.ProcessEnv, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigError(`${key} must be true or false, got "${raw}"`);
}

function urlFrom(key: string, raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new ConfigError(`${key} must be a URL, got "${raw}"`);
  }
}

function roleMappingFrom(env: NodeJS.ProcessEnv): OidcRoleMapping | null {
  const claim = env.SILTA_OIDC_ROLE_CLAIM ?? '';
  const map = env.SILTA_OIDC_ROLE_MAP ?? '';
  if (claim === '' && map === '') return null;
  // One without the other is half a decision: refused rather than guessed.
  if (claim === '' || map === '') throw new ConfigError('SILTA_OIDC_ROLE_CLAIM and SILTA_OIDC_ROLE_MAP are set together or not at all.');
  try {
    return parseRoleMap(claim, map);
  } catch (error) {
    if (error instanceof RoleMapError) throw new ConfigError(`SILTA_OIDC_ROLE_MAP ${error.message}`);
    throw error;
  }
}

function oidcFrom(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.SILTA_OIDC_ISSUER ?? '';
  if (issuer === '') {
    const stray = ['SILTA_OIDC_ROLE_CLAIM', 'SILTA_OIDC_ROLE_MAP'].filter((key) => (env[key] ?? '') !== '');
    if (stray.length > 0) throw new ConfigError(`${stray.join(' and ')} ${stray.length > 1 ? 'are' : 'is'} set, but SILTA_OIDC_ISSUER is not: a role mapping needs the provider.`);
    return null;
  }
  const missing = ['SILTA_OIDC_CLIENT_ID', 'SILTA_OIDC_CLIENT_SECRET', 'SILTA_OIDC_REDIRECT_URI'].filter((key) => (env[key] ?? '') === '');
  if (missing.length > 0) throw new ConfigError(`SILTA_OIDC_ISSUER is set, so ${missing.join(', ')} must be set too.`);
  const allowHttpIssuer = booleanFrom(env, OIDC_TEST_HTTP_VARIABLE, false);
  const issuerUrl = urlFrom('SILTA_OIDC_ISSUER', issuer);
  // Tokens and the client secret travel to the issuer: only TLS keeps them from the network.
  if (issuerUrl.protocol !== 'https:' && !allowHttpIssuer) throw new ConfigError(`SILTA_OIDC_ISSUER must be an https URL, got "${issuer}"`);
  const redirectUri = env.SILTA_OIDC_REDIRECT_URI!;
  urlFrom('SILTA_OIDC_REDIRECT_URI', redirectUri);
  return {
    issuer,
    roleMapping: roleMappingFrom(env),
    clientId: env.SILTA_OIDC_CLIENT_ID!,
    clientSecret: env.SILTA_OIDC_CLIENT_SECRET!,
    redirectUri,
    linkClaim: env.SILTA_OIDC_LINK_CLAIM && env.SILTA_OIDC_LINK_CLAIM !== '' ? env.SILTA_OIDC_LINK_CLAIM : 'sub',
    allowHttpIssuer,
  };
}

function processClocksFrom(env: NodeJS.ProcessEnv): readonly ProcessClock[] {
  const raw = env.SILTA_PROCESS_CLOCKS;
  if (raw === undefined || raw.trim() === '') return defaultProcessClocks;
  const parsed = parseProcessClocks(raw);
  // Refused at start: a clock quietly left out would leave statutory deadlines uncounted.
  if (!parsed.ok) throw new ConfigError(`SILTA_PROCESS_CLOCKS is not a valid list of clocks: ${parsed.problems.join('; ')}`);
  return parsed.clocks;
}

/** SILTA_WEBAUTHN_RP_ID and SILTA_WEBAUTHN_ORIGIN (comma-separated); localhost on this port for development. */
function webauthnFrom(env: NodeJS.ProcessEnv, port: number): WebAuthnConfig {
  const rpId = env.SILTA_WEBAUTHN_RP_ID && env.SILTA_WEBAUTHN_RP_ID !== '' ? env.SILTA_WEBAUTHN_RP_ID : 'localhost';
  if (/[/:]/.test(rpId)) throw new ConfigError(`SILTA_WEBAUTHN_RP_ID must be a host name without scheme or port, got "${rpId}"`);
  const raw = env.SILTA_WEBAUTHN_ORIGIN && env.SILTA_WEBAUTHN_ORIGIN !== '' ? env.SILTA_WEBAUTHN_ORIGIN : `http://localhost:${port}`;
  const origins = raw.split(',').map((o) => o.trim()).filter((o) => o !== '');
  for (const origin of origins) {
    const url = urlFrom('SILTA_WEBAUTHN_ORIGIN', origin);
    // The browser sends the origin exactly: scheme, host and a port only when not the default.
    if (url.origin !== origin) throw new ConfigError(`SILTA_WEBAUTHN_ORIGIN must list origins such as https://silta.example.fi, got "${origin}"`);
    if (url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) throw new ConfigError(`SILTA_WEBAUTHN_ORIGIN "${origin}" is not on SILTA_WEBAUTHN_RP_ID "${rpId}"`);
  }
  return { rpId, rpName: 'Silta', origins };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST ?? '127.0.0.1';
  const isLocalHost = ['127.0.0.1', 'localhost', '::1'].includes(host);
  const port = intFrom(env, 'PORT', 3000);
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : null,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL && env.MIGRATION_DATABASE_URL !== '' ? env.MIGRATION_DATABASE_URL : null,
    dataDir: path.resolve(env.SILTA_DATA_DIR ?? 'data'),
    webDir: path.resolve(env.SILTA_WEB_DIR ?? 'dist/web'),
    isSecureCookies: env.SILTA_SECURE_COOKIES ? env.SILTA_SECURE_COOKIES === 'true' : !isLocalHost,
    sessionIdleMinutes: intFrom(env, 'SILTA_SESSION_IDLE_MINUTES', 120),
    sessionAbsoluteHours: intFrom(env, 'SILTA_SESSION_ABSOLUTE_HOURS', 12),
    demoPassword: env.SILTA_DEMO_PASSWORD && env.SILTA_DEMO_PASSWORD !== '' ? env.SILTA_DEMO_PASSWORD : null,
    isDemoHistory: env.SILTA_DEMO_HISTORY !== 'off',
    reportThreshold: thresholdFrom(env),
    // PGlite runs one statement at a time: a few requests at once keep it busy while others do their
    // JavaScript; more would only wait inside it. PostgreSQL gets two per pooled connection.
    maxConcurrentRequests: positiveIntFrom(env, 'SILTA_MAX_CONCURRENT_REQUESTS', env.DATABASE_URL ? 20 : 4),
    // A write waiting on a stalled commit or a lock holds its pooled connection (10) the whole time: in the
    // soak a stall left none for reads, which waited 5 s for one and failed with 500. Six writes
    // at once leave connections for them. PGlite has one connection that every request takes in turn.
    maxConcurrentWrites: positiveIntFrom(env, 'SILTA_MAX_CONCURRENT_WRITES', env.DATABASE_URL ? 6 : 4),
    maxQueueWaitMs: positiveIntFrom(env, 'SILTA_MAX_QUEUE_WAIT_MS', 3000),
    maxChatStreams: positiveIntFrom(env, 'SILTA_MAX_CHAT_STREAMS', 1000),
    trustProxy: trustProxyFrom(env),
    // Everyone behind one proxy shares an address, so the budget is large; successes do not use it.
    signInAddressLimit: positiveIntFrom(env, 'SILTA_SIGNIN_ADDRESS_LIMIT', 1000),
    logLevel: env.LOG_LEVEL ?? 'info',
    // Most Finnish workplaces close on both eves; a deployment where they are working days says so.
    workingDays: { evesAreWorkingDays: booleanFrom(env, 'SILTA_EVES_ARE_WORKING_DAYS', false) },
    processClocks: processClocksFrom(env),
    daylogBackdateDays: intFrom(env, 'SILTA_DAYLOG_BACKDATE_DAYS', 7),
    oidc: oidcFrom(env),
    invitationDays: positiveIntFrom(env, 'SILTA_INVITATION_DAYS', 14),
    retention: retentionFrom(env),
    webauthn: webauthnFrom(env, port),
    // Structural social work (issue 20): a manager answers an observation within this many working days
    // of its submission. The seeds set no limit; about a month leaves room for the quarter's meeting cycle.
    structuralAnswerWorkingDays: positiveIntFrom(env, 'SILTA_STRUCTURAL_ANSWER_WORKING_DAYS', 20),
    // Ask for help (issue 19): the seeds' problem is a reply that comes late by phone in office hours;
    // two working days is a promise a guidance team can keep. Closed requests go 90 days after closing.
    helpAnswerWorkingDays: positiveIntFrom(env, 'SILTA_HELP_ANSWER_WORKING_DAYS', 2),
    helpRequestRetentionDays: positiveIntFrom(env, 'SILTA_RETENTION_HELP_REQUEST_DAYS', 90),
    indicatorImportHosts: (env.SILTA_INDICATOR_IMPORT_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''),
    // For load tests and diagnosing an overload (the assurance soak sets it): off in normal use.
    loadSampleMs: intFrom(env, 'SILTA_LOAD_SAMPLE_MS', 0),
  };
}
