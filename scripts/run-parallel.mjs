// Runs npm scripts side by side and fails if any fails: `node scripts/run-parallel.mjs lint typecheck`.
// Lint and typecheck each keep one core busy; side by side they take the time of the longer one.
// `npm test` also runs the unit and database tests beside them: those leave much of the second core idle
// while they wait on PGlite and PostgreSQL (two workers are only about 12 % faster than one).
// The web app's build (about 5 s of CPU) goes there too, so that the browser suite after it starts at once.
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

process.stdout.write(`── started side by side: ${scripts.map((script) => `npm run ${script}`).join(', ')} (each one's output follows when it ends)\n`);
const results = await Promise.all(scripts.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
