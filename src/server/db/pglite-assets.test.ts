import { describe, expect, it } from 'vitest';
import { connectDatabase } from './connect.js';
import { preloadPgliteAssets } from './pglite-assets.js';
import { testEngine } from '../testing/test-db.js';

// Engine-independent: the embedded engine's files, so once (in the PGlite project).
describe.runIf(testEngine === 'pglite')('the embedded engine read ahead of opening', () => {
  it('finds and compiles the files PGlite ships, and a database opens and answers on them', async () => {
    const assets = await preloadPgliteAssets();
    // undefined would mean the files were not found and every start silently read them late again.
    expect(assets).toBeDefined();
    expect(WebAssembly.Module.exports(assets!.wasmModule).length).toBeGreaterThan(0);
    expect(assets!.fsBundle.size).toBeGreaterThan(0);
    const db = await connectDatabase({ engine: 'pglite', assets: Promise.resolve(assets) });
    try {
      await db.ping();
      const rows = await db.withRawSession((session) => session.query<{ answer: number }>('select 6 * 7 as answer'));
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      await db.close();
    }
  });
});
