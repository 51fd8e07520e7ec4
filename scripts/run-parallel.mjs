// Runs npm scripts side by side and fails if any fails: `node scripts/run-parallel.mjs lint typecheck`.
// Lint and typecheck each keep one core busy; side by side they take the time of the longer one.
// Each script's output is printed whole when it ends, so the lines of two tools never interleave.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);

function run(script) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      process.stdout.write(`\n── npm run ${script}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n${output}`);
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(scripts.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
