import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterableActions, labelledResourceTypes } from './audit-labels';

// Every action the server writes to the audit log, read from the source of its writeAudit calls, so
// that a new action without a label (which the auditor would see as a raw identifier) fails here.
function written(dir: string, field: 'action' | 'resourceType'): Set<string> {
  const found = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const source = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const call of source.matchAll(/writeAudit\(([\s\S]*?)\);/g)) {
      for (const value of call[1]!.matchAll(new RegExp(`\\b${field}: '([a-z_.]+)'`, 'g'))) found.add(value[1]!);
    }
  }
  return found;
}

describe('audit labels', () => {
  it('has a label for every action the server writes', () => {
    const actions = written(path.resolve('src/server'), 'action');
    expect(actions.size).toBeGreaterThan(30);
    expect([...actions].filter((action) => !filterableActions.includes(action as never)).sort()).toEqual([]);
  });

  it('has a label for every resource type the server writes', () => {
    const types = written(path.resolve('src/server'), 'resourceType');
    expect(types.size).toBeGreaterThan(15);
    expect([...types].filter((type) => !labelledResourceTypes.includes(type)).sort()).toEqual([]);
  });
});
