import { describe, expect, it } from 'vitest';
import { goodPracticeQuestions } from '../src/domain/good-practices';
import { expectNoSeriousViolations } from './support/axe';
import { openPage, phone } from './support/browser';
import { signedIn } from './support/sign-in';
import { useSuite } from './support/suite';

// Issue 19 item 4: the demo's published good practice on the region's public page, with the seven questions.
const suite = useSuite();

describe('good practices', () => {
  it('shows the published description with the seven questions on the public page, without signing in', async () => {
    const coordinator = await signedIn(suite(), 'demo.coordinator');
    const regionId = coordinator.session.user.regionId;
    await coordinator.context.close();
    const visitor = await openPage(suite().browser, suite().server.baseUrl, phone);
    await visitor.page.goto(`/hyvat-kaytannot/${regionId}`);
    const article = visitor.page.locator('[data-testid="good-practice"]');
    await article.first().waitFor();
    expect(await article.count()).toBe(1);
    expect(await article.locator('h3').allTextContents()).toEqual(expect.arrayContaining(goodPracticeQuestions.map((q) => q.fi)));
    await expectNoSeriousViolations(visitor.page, 'good practices (public, phone)');
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  }, 120_000);
});
