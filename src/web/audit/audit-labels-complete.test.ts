import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterableActions } from './audit-labels';

// Every action the server writes to the audit log, read from the source of its writeAudit calls, so
// that a new action without a label (which the auditor would see as a raw identifier) fails here.
function writtenActions(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const source = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const call of source.matchAll(/writeAudit\(([\s\S]*?)\);/g)) {
      for (const action of call[1]!.matchAll(/action: '([a-z_.]+)'/g)) found.add(action[1]!);
    }
  }
  return found;
}

describe('audit labels', () => {
  it('has a label for every action the server writes', () => {
    const written = writtenActions(path.resolve('src/server'));
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((action) => !filterableActions.includes(action as never)).sort()).toEqual([]);
  });
});
