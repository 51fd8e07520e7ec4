// Text lines for the web part of the bench report (kept apart from report.ts, which is long already).
import type { WebBenchResult } from './web.js';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function formatWeb(web: WebBenchResult): string[] {
  const f = web.firstRoute;
  const lines = ['', `3. First route (the sign-in page): index.html and the ${f.files.length - 1} files it loads or preloads, as the server sends them`];
  lines.push(`JavaScript: ${kib(f.jsGzipBytes)} gzip, ${kib(f.jsBrBytes)} brotli, ${kib(f.jsIdentityBytes)} uncompressed; with index.html and CSS ${kib(f.totalGzipBytes)} gzip`);
  lines.push(`Budget: JavaScript ≤ ${kib(f.budgetBytes)} gzip → ${f.budgetMet ? 'MET' : 'NOT MET'}`);
  const e = web.encounterForm;
  if (e === null) {
    lines.push(`! Encounter form not measured: ${web.encounterFormError ?? 'unknown error'}`);
    return lines;
  }
  lines.push(`4. Encounter form, tap on the home page → Save enabled, CPU ${e.cpuSlowdown}× slower, ${e.runs} fresh profiles: median ${e.summary.median} ms, p95 ${e.summary.p95} ms, max ${e.summary.max} ms`);
  lines.push(`Budget: median ≤ ${e.budgetMs} ms → ${e.budgetMet ? 'MET' : 'NOT MET'}`);
  return lines;
}
