import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from '../startup-error.js';

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new StartupError(
      `The data directory ${dir} cannot be written (${code}). Give the user running Silta write access, or set SILTA_DATA_DIR to a writable directory.`,
    );
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory so that two Silta processes never open the same
 * files (PGlite is single-process; two writers would corrupt the database). A lock left by a killed
 * process is taken over. Returns a function that releases the lock.
 */
export function lockDataDir(dir: string): () => void {
  ensureWritableDir(dir);
  const lockPath = path.join(dir, 'silta.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => {
        if (fs.existsSync(lockPath) && fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isProcessAlive(holder)) {
        throw new StartupError(
          `The data directory ${dir} is in use by another running Silta (process ${holder}). Stop that one first, or set SILTA_DATA_DIR to another directory.`,
        );
      }
      fs.unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new StartupError(`Could not lock the data directory ${dir}.`);
}
