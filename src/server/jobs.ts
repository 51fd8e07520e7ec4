import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from './deps.js';
import { purgeClosedMemos } from './referrals/purge.js';

const HOUR_MS = 3_600_000;

/**
 * Housekeeping that runs in every Silta process: at start and then hourly. Each job is idempotent
 * (clearing already-cleared memos changes nothing), so several processes on one database need no lock.
 */
export function startJobs(deps: Deps, log: FastifyBaseLogger): () => void {
  const run = () => {
    purgeClosedMemos(deps).then(
      (count) => count > 0 && log.info({ count }, 'purged follow-up memos of referrals closed over 30 days ago'),
      (error: unknown) => log.error({ err: error }, 'memo purge failed; retrying within the hour'),
    );
  };
  run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
