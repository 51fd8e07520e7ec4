import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../src/domain/api-types';
import { useSuite } from './support/suite';
import { signedIn } from './support/sign-in';
import { testNow } from './support/test-time';

const suite = useSuite();
const minute = 60_000;

// The fixed-date runs (SILTA_TEST_NOW) are only worth something if the server, the page and the test's
// own expectations all read the same pretended time; this file runs in every run and checks that.
describe('the time the browser tests run at', () => {
  it('is the same in the test, in the page and on the server', async () => {
    const started = Date.now();
    const pretended = testNow();
    if (pretended !== null) expect(Math.abs(started - Date.parse(pretended))).toBeLessThan(30 * minute);
    const { page, context } = await signedIn(suite(), 'demo.auditor');
    const inPage = await page.evaluate(() => Date.now());
    expect(Math.abs(inPage - Date.now())).toBeLessThan(5_000);
    // The sign-in's audit row carries the server clock's time.
    const audit = (await (await page.request.get('/api/audit?action=auth.sign_in&limit=1')).json()) as AuditPage;
    const signedInAt = Date.parse(audit.entries[0]?.at ?? '');
    expect(signedInAt).toBeGreaterThanOrEqual(started - 5_000);
    expect(signedInAt).toBeLessThanOrEqual(Date.now() + 5_000);
    await context.close();
  });
});
