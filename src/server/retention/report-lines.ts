import { retentionRecordTypes } from '../../domain/retention/rules.js';
import type { RetentionReport } from './purge.js';

/** The admin command's lines: counts per record type and ids, never a name. */
export function retentionReportLines(report: RetentionReport): string[] {
  const verb = report.dryRun ? 'Would delete' : 'Deleted';
  const lines = [`Retention ${report.dryRun ? 'dry run' : 'run'} at ${report.at}.`, `${verb}:`];
  for (const type of retentionRecordTypes) lines.push(`  ${type.padEnd(26)} ${report.counts[type]}`);
  lines.push(`Clients (${report.clientIds.length}):${report.clientIds.length === 0 ? ' none' : ''}`, ...report.clientIds.map((id) => `  ${id}`));
  lines.push(`External members (${report.externalMemberIds.length}):${report.externalMemberIds.length === 0 ? ' none' : ''}`, ...report.externalMemberIds.map((id) => `  ${id}`));
  lines.push(`Audit rows past their 12 years: ${report.auditRowsPastRetention} (the log is append-only; see docs/PRIVACY.md, Retention).`);
  return lines;
}
