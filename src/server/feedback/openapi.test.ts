import { expect, it } from 'vitest';
import { createHarness } from '../testing/harness.js';

it('renders the OpenAPI document with the groups and feedback routes', async () => {
  const h = await createHarness();
  const response = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
  const paths = Object.keys(response.json().paths);
  expect(paths).toContain('/api/public/feedback/responses');
  expect(paths).toContain('/api/group-sessions/{sessionId}/attendance');
});
