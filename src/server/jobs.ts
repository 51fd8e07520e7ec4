import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from './deps.js';
import { sweepFloodCounters } from './feedback/flood.js';
import { purgeClosedMemos } from './referrals/purge.js';
import { foldIfFree } from './reports/rollups/refresh.js';
import { purgeSpentAttempts } from './auth/throttle.js';
import { runRetention } from './retention/purge.js';
import { purgeClosedHelpRequests } from './help-requests/retention.js';

const HOUR_MS = 3_600_000;
/** The first round waits this long after start, so it does not queue before the first requests on PGlite's one connection. */
const FIRST_RUN_DELAY_MS = 5_000;
/**
 * Folds the queued rollup changes: reports read what is folded without waiting, so this keeps their
 * figures a few seconds old (the promise is at most a minute) and each fold small.
 */
const ROLLUP_REFRESH_MS = 5_000;
const DAY_MS = 24 * HOUR_MS;
/** The first retention run waits for the start's own work and the first requests to settle. */
const FIRST_RETENTION_DELAY_MS = 60_000;

/**
 * Housekeeping that runs in every Silta process: shortly after start and then hourly. Each job is idempotent
 * (clearing already-cleared memos changes nothing), so several processes on one database need no lock.
 */
export function startJobs(deps: Deps, log: FastifyBaseLogger): () => Promise<void> {
  const run = () => {
    purgeClosedMemos(deps).then(
      (count) => count > 0 && log.info({ count }, 'purged follow-up memos of referrals closed over 30 days ago'),
      (error: unknown) => log.error({ err: error }, 'memo purge failed; retrying within the hour'),
    );
    purgeSpentAttempts(deps.db.orm, deps.clock.now()).catch((error: unknown) => log.warn({ err: error }, 'throttle counter purge failed; retrying within the hour'));
    // Ended feedback flood windows, for a quiet hour with no opening to sweep them.
    sweepFloodCounters(deps.db.orm, deps.clock.now()).catch((error: unknown) => log.error({ err: error }, 'flood counter sweep failed; retrying within the hour'));
  };
  const firstRun = setTimeout(run, FIRST_RUN_DELAY_MS);
  firstRun.unref();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  let refreshing: Promise<void> | null = null;
  let stopping = false;
  // Retention (src/server/retention): daily, and once shortly after start so a server restarted every
  // night still runs it. Each client goes in its own transaction, so a run cut short (stopping, a crash)
  // leaves nothing half-deleted and the next run carries on; two processes at once skip each other's.
  let retaining: Promise<void> | null = null;
  const retain = () => {
    retaining ??= runRetention(deps, { dryRun: false, shouldStop: () => stopping })
      .then(
        (report) => report.clientIds.length + report.externalMemberIds.length > 0 && log.info({ counts: report.counts, clients: report.clientIds.length, externalMembers: report.externalMemberIds.length }, 'retention purge deleted records past their retention time'),
        (error: unknown) => log.error({ err: error }, 'retention purge failed; the next daily run retries'),
      )
      // Closed ask-for-help requests go on the same daily run (help-requests/retention.ts).
      .then(() => purgeClosedHelpRequests(deps, () => stopping))
      .then(
        (count) => count > 0 && log.info({ count }, 'retention purge deleted ask-for-help requests closed past their retention time'),
        (error: unknown) => log.error({ err: error }, 'ask-for-help retention purge failed; the next daily run retries'),
      )
      .then(() => undefined)
      .finally(() => {
        retaining = null;
      });
  };
  const firstRetention = setTimeout(retain, FIRST_RETENTION_DELAY_MS);
  firstRetention.unref();
  const retentionTimer = setInterval(retain, DAY_MS);
  retentionTimer.unref();
  const refreshRollups = () => {
    // Skipped when a report is folding at the moment; the next tick comes soon.
    const foldAll = async () => {
      // A backlog (a restore) folds batch after batch, each its own transaction, so reads keep going.
      // Stopping ends the loop after the batch in hand; the rest stays queued for the next start.
      while (!stopping && (await foldIfFree(deps.db, deps.clock.now())) === 'more');
    };
    refreshing ??= foldAll()
      .then(
        () => undefined,
        (error: unknown) => log.warn({ err: error }, 'report rollup fold failed; the next report or fold retries'),
      )
      .finally(() => {
        refreshing = null;
      });
  };
  const rollupTimer = setInterval(refreshRollups, ROLLUP_REFRESH_MS);
  rollupTimer.unref();
  // Stopping waits for a refresh in flight, so the database is never closed under it.
  return async () => {
    stopping = true;
    clearTimeout(firstRun);
    clearInterval(timer);
    clearInterval(rollupTimer);
    clearTimeout(firstRetention);
    clearInterval(retentionTimer);
    await refreshing;
    await retaining;
  };
}
