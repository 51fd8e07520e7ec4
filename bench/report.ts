// Machine description, the JSON results file and the human-readable table.
import type { ClientBenchResult } from './clients/measure.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './process.js';
import type { EncounterBenchResult, EngineEncounterResult, SyncRun } from './encounters.js';
import type { EngineReportResult, ReportBenchResult } from './report/measure.js';
import type { StartTimeResult } from './start-time.js';
import type { ServerLoadResult, ThroughputResult } from './throughput.js';
import type { WebBenchResult } from './web.js';
import { formatWeb } from './web-report.js';

export type MachineInfo = {
  cpus: number;
  cpuModel: string;
  totalMemoryMiB: number;
  platform: string;
  arch: string;
  node: string;
  /** `git rev-parse --short HEAD`, or null outside a git checkout. */
  gitCommit: string | null;
  /** Uncommitted changes: other engineers edit the tree concurrently, so HEAD alone may not be what ran. */
  gitDirty: boolean | null;
  /** 1-minute load average at start and end: a busy shared machine explains odd numbers. */
  loadAverageStart: number;
  loadAverageEnd?: number;
};

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 }).trim();
  } catch {
    return null;
  }
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const status = git(['status', '--porcelain']);
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryMiB: Math.round(os.totalmem() / 1024 / 1024),
    platform: os.platform(),
    arch: os.arch(),
    node: process.version,
    gitCommit: git(['rev-parse', '--short', 'HEAD']),
    gitDirty: status === null ? null : status !== '',
    loadAverageStart: Number((os.loadavg()[0] ?? 0).toFixed(2)),
  };
}

/**
 * 'outreach' = the foundation measures plus the encounter measures; 'foundation' = only the former
 * (BENCH_ONLY); 'reports' = the report benchmark of issue 5, always in a file of its own.
 */
export type Suite = 'foundation' | 'outreach' | 'reports' | 'clients';

export type BenchResults = {
  suite: Suite;
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  machine: MachineInfo;
  /** null when BENCH_ONLY=encounters. */
  startTime: StartTimeResult | null;
  throughput: ThroughputResult | null;
  /** The first route's bytes and the encounter form in Chromium; null when the web part did not run. */
  web: WebBenchResult | null;
  /** null when BENCH_ONLY=foundation. */
  encounters: EncounterBenchResult | null;
};

/** UTC date, so two machines in different time zones name the same run alike. */
export function resultsPath(startedAt: Date, quick: boolean, suite: Suite): string {
  const date = startedAt.toISOString().slice(0, 10);
  // Quick runs get their own name so a smoke run never overwrites the real numbers.
  return path.join(REPO_ROOT, 'bench', 'results', `${date}-${suite}${quick ? '-quick' : ''}.json`);
}

export type ReportBenchResults = {
  suite: 'reports';
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  machine: MachineInfo;
  reports: ReportBenchResult;
};

/** The client due-list benchmark of issue 18 (bench/clients/). */
export type ClientBenchResults = {
  suite: 'clients';
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  machine: MachineInfo;
  clients: ClientBenchResult;
};

export function writeResults(file: string, results: BenchResults | ReportBenchResults | ClientBenchResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
}

function ms(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(1)} ms`;
}

function times(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2)}×`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

function loadRow(name: string, result: ServerLoadResult): string[] {
  const l = result.latencyMs;
  return [name, result.requestsPerSecond.toFixed(0), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max), String(result.errors)];
}

function formatFoundation(s: StartTimeResult, t: ThroughputResult, lines: string[]): void {
  lines.push('');
  lines.push(`1. Start to first 200 on /api/health (existing data, ${s.runs} runs each, interleaved)`);
  lines.push(table([
    ['', 'median', 'p95', 'min', 'max'],
    ['Silta', ms(s.silta.median), ms(s.silta.p95), ms(s.silta.min), ms(s.silta.max)],
    ['baseline (bare node:http)', ms(s.baseline.median), ms(s.baseline.p95), ms(s.baseline.min), ms(s.baseline.max)],
    ['ratio Silta / baseline', times(s.ratioMedian), times(s.ratioP95), '', ''],
  ]));
  lines.push(`Budget: median ≤ ${s.medianBudgetMs} ms and p95 ≤ ${s.budgetMs} ms → ${s.budgetMet ? 'MET' : 'NOT MET'} (median ${ms(s.silta.median)}, p95 ${ms(s.silta.p95)})`);
  const b = s.breakdown;
  lines.push(`Breakdown of one extra start (LOG_LEVEL=info): ${ms(b.spawnToOkMs)} to 200 = ${ms(b.beforeMainMs)} node + imports, ${ms(b.inProcessStartMs)} database + app + listen (Silta's own startMs)`);
  lines.push(`Fresh start (create + migrate + seed): ${ms(s.freshStartMs)}; graceful stop after SIGTERM: ${ms(s.freshStopMs)}`);
  lines.push('');
  lines.push(`2. GET /api/health, closed loop, ${t.options.concurrency} keep-alive connections, ${t.options.warmupMs} ms warm-up + ${t.options.durationMs} ms measured`);
  lines.push(table([
    ['', 'req/s', 'p50', 'p95', 'p99', 'max', 'errors'],
    loadRow('Silta', t.silta),
    loadRow('bare node:http', t.bare),
  ]));
  lines.push(`Ratio Silta / bare: throughput ${times(t.ratioRps)} (higher is better), p95 latency ${times(t.ratioP95)} (lower is better)`);
  for (const [name, r] of [['Silta', t.silta], ['bare', t.bare]] as const) warnings(name, r, lines);
  if (s.siltaOutput.length > 0) lines.push(`! Silta printed on existing-data starts:\n${s.siltaOutput.join('\n').slice(0, 1_000)}`);
}

function warnings(name: string, r: ServerLoadResult, lines: string[]): void {
  const kinds = Object.entries(r.errorKinds).map(([kind, count]) => `${kind}: ${count}`).join(', ');
  if (kinds !== '') lines.push(`! ${name} failures (all phases): ${kinds}`);
  if (!r.aliveAfterLoad) lines.push(`! ${name} was no longer running when the load ended`);
  if (r.serverOutput !== '') lines.push(`! ${name} printed under load:\n${r.serverOutput.slice(0, 1_000)}`);
}

const met = (isMet: boolean) => (isMet ? 'MET' : 'NOT MET');

function syncRow(name: string, run: SyncRun): string[] {
  const statuses = Object.entries(run.statuses).map(([status, n]) => `${status} ${n}`).join(', ');
  return [name, String(run.requests), ms(run.totalMs), run.itemsPerSecond.toFixed(0), ms(run.requestMs.p50), ms(run.requestMs.p95), statuses];
}

function formatEngine(e: EngineEncounterResult, lines: string[]): void {
  const h = e.http;
  const p = e.inProcess;
  lines.push(`${e.engine} — ${e.where}`);
  lines.push(table([
    ['', 'saves/s', 'p50', 'p95', 'p99', 'max', 'errors'],
    // Completions, not requestsPerSecond: see LoadResult; the ratio below uses the same figure.
    [`HTTP POST /api/encounters (${h.concurrency} clients)`, h.completionsPerSecond.toFixed(0), ms(h.latencyMs.p50), ms(h.latencyMs.p95), ms(h.latencyMs.p99), ms(h.latencyMs.max), String(h.errors)],
    [`HTTP, same 20 clients pausing ${e.httpPaced.thinkMs} ms`, e.httpPaced.completionsPerSecond.toFixed(0), ms(e.httpPaced.latencyMs.p50), ms(e.httpPaced.latencyMs.p95), ms(e.httpPaced.latencyMs.p99), ms(e.httpPaced.latencyMs.max), String(e.httpPaced.errors)],
    [`in-process recordEncounter loop (${p.encounters})`, p.perSecond.toFixed(0), ms(p.latencyMs.p50), ms(p.latencyMs.p95), ms(p.latencyMs.p99), ms(p.latencyMs.max), '0'],
  ]));
  lines.push(`Targets: p95 ≤ ${e.targets.p95Ms} ms back to back → ${met(e.targets.p95Met)} (${ms(h.latencyMs.p95)}), paced → ${met(e.targets.pacedP95Met)} (${ms(e.httpPaced.latencyMs.p95)}); HTTP ÷ in-process ≥ ${e.targets.minRatio} → ${met(e.targets.ratioMet)} (${times(e.ratioRps)})`);
  warnings(`${e.engine} HTTP`, h, lines);
  warnings(`${e.engine} HTTP paced`, e.httpPaced, lines);
  const b = e.batchSync;
  const sizes = b.batchSizes.length > 3 ? `${b.batchSizes.length} batches of ≤ ${Math.max(...b.batchSizes)}` : b.batchSizes.join(' + ');
  lines.push(`Outbox sync of ${b.first.items} encounters (${sizes}), one connection, requests one after another:`);
  lines.push(table([
    ['', 'requests', 'total', 'items/s', 'p50/request', 'p95/request', 'answers'],
    syncRow('batch, first sync', b.first),
    syncRow('batch, same outbox again', b.resend),
    syncRow('one by one (before the batch route)', b.oneByOne),
  ]));
  lines.push(`Stored exactly once: ${b.exactlyOnce ? 'yes' : 'NO'} (the server counts ${b.meetingsAdded} new meetings after both syncs)`);
}

function formatEncounters(r: EncounterBenchResult, lines: string[]): void {
  lines.push('');
  lines.push(`3. Encounter saves: HTTP (closed loop, ${r.options.load.warmupMs} ms warm-up + ${r.options.load.durationMs} ms) vs the same command in a loop in the bench process, same engine, same run`);
  for (const engine of r.engines) {
    lines.push('');
    if (engine.result === null) lines.push(`${engine.engine}: skipped — ${engine.skipped ?? 'no reason given'}`);
    else formatEngine(engine.result, lines);
  }
}

export function formatReport(results: BenchResults): string {
  const { machine: m } = results;
  const lines: string[] = [];
  lines.push(`Silta ${results.suite} bench${results.quick ? ' (QUICK — smoke run, not comparable)' : ''}`);
  lines.push(`${m.cpus}× ${m.cpuModel}, ${m.totalMemoryMiB} MiB, node ${m.node}, commit ${m.gitCommit ?? '?'}${m.gitDirty ? ' (dirty)' : ''}, load avg ${m.loadAverageStart} → ${m.loadAverageEnd ?? '?'}`);
  if (results.startTime !== null && results.throughput !== null) formatFoundation(results.startTime, results.throughput, lines);
  if (results.web) lines.push(...formatWeb(results.web));
  if (results.encounters !== null) formatEncounters(results.encounters, lines);
  return lines.join('\n');
}

const count = (n: number) => n.toLocaleString('en');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const held = (isHeld: boolean) => (isHeld ? 'HELD' : 'MISSED');

function formatReportEngine(e: EngineReportResult, lines: string[]): void {
  const g = e.generation;
  lines.push(`${e.engine} — ${e.where}`);
  lines.push(`Generated ${count(g.options.encounters)} encounters at ${g.options.sites} sites, ${g.options.firstDay} … ${g.options.lastDay}, in ${seconds(g.timings.total)}: ${count(g.encountersPerSecond)} encounters/s in the encounter step, ${count(g.rowsPerSecond)} rows/s overall`);
  lines.push(`  steps: organisation ${seconds(g.timings.setup)}, sessions ${seconds(g.timings.sessions)}, encounters ${seconds(g.timings.encounters)}, logs/groups/feedback ${seconds(g.timings.extras)}, indexes ${seconds(g.timings.indexes)}, foreign keys ${seconds(g.timings.foreignKeys)}, vacuum analyze ${seconds(g.timings.vacuumAnalyze)}`);
  lines.push(`  rows: ${Object.entries(g.rows).map(([table, n]) => `${table} ${count(n)}`).join(', ')}`);
  if (e.databaseBytes !== null) lines.push(`  database size ${(e.databaseBytes / 1024 ** 3).toFixed(2)} GiB`);
  lines.push(`Rollup build (rebuildReportRollups): ${seconds(e.rollupBuild.ms)} for ${count(e.rollupBuild.siteDays)} site-days → ${count(e.rollupBuild.rows)} site rollup rows and ${count(e.rollupBuild.regionRows)} region rows`);
  lines.push(table([
    ['report (coordinator, published view)', 'p50', 'p95', 'max', 'count(*) p50', 'count(*) p95', 'p95 ÷ count(*) p95'],
    ...e.latency.cases.map((c) => [c.label, ms(c.report.p50), ms(c.report.p95), ms(c.report.max), ms(c.countStar.p50), ms(c.countStar.p95), times(c.ratioP95)]),
  ]));
  if (e.breakdown) lines.push(`Headline report by part, one after another (median): ${Object.entries(e.breakdown.medianMs).map(([part, value]) => `${part} ${ms(value)}`).join(', ')}; the read sums ${count(e.breakdown.rollupRowsRead)} rollup rows (${e.breakdown.rollupSource === "region" ? "the region's rows" : "the sites' rows"})`);
  const t = e.targets;
  lines.push(`Target: headline p95 ≤ ${t.p95Ms} ms at ${count(t.atEncounters)} encounters → ${held(t.p95Met)} (${ms(t.p95)} at ${count(g.options.encounters)})`);
  const s = e.save;
  lines.push(`Saves, in-process recordEncounter, ${s.options.rounds} × ${seconds(s.options.roundMs)} per mode (ABBA): with rollup maintenance ${s.with.perSecond}/s (p95 ${ms(s.with.latencyMs.p95)}; ${s.with.refreshes} refreshes, ${count(s.with.refreshedSiteDays)} site-days, ${seconds(s.with.refreshMs)}), without ${s.without.perSecond}/s (p95 ${ms(s.without.latencyMs.p95)})`);
  lines.push(`Target: with ÷ without ≥ ${t.minSaveRatio} → ${held(t.saveRatioMet)} (${times(s.ratio)})`);
  for (const c of e.consistency) {
    const first = c.mismatches.slice(0, 5).map((m) => `${m.figure}: report ${m.report ?? 'null'} vs ${m.baseTables}`).join('; ');
    lines.push(`Report = base tables, ${c.scope}: ${c.mismatches.length === 0 ? `yes (${c.figures} figures)` : `NO — ${c.mismatches.length} of ${c.figures} differ: ${first}`}`);
  }
}

export function formatReportBench(results: ReportBenchResults): string {
  const { machine: m } = results;
  const lines: string[] = [];
  lines.push(`Silta report bench (issue 5)${results.quick ? ' (QUICK — smoke run, not comparable)' : ''}`);
  lines.push(`${m.cpus}× ${m.cpuModel}, ${m.totalMemoryMiB} MiB, node ${m.node}, commit ${m.gitCommit ?? '?'}${m.gitDirty ? ' (dirty)' : ''}, load avg ${m.loadAverageStart} → ${m.loadAverageEnd ?? '?'}`);
  for (const engine of results.reports.engines) {
    lines.push('');
    if (engine.result === null) lines.push(`${engine.engine}: skipped — ${engine.skipped ?? 'no reason given'}`);
    else formatReportEngine(engine.result, lines);
  }
  return lines.join('\n');
}
