import type { Deps } from '../deps.js';
import { chooseAreas, importSotkanetFiles } from '../indicators/commands.js';
import type { Actor } from '../policy/policy.js';
import example from './sotkanet-example.json' with { type: 'json' };

/**
 * The demo region's indicator panel: example values in Sotkanet's format (see the file's note), imported
 * as the coordinator would upload them and marked as examples, so every panel labels them "example".
 */
export async function seedDemoIndicators(deps: Deps, coordinator: Actor): Promise<void> {
  const ctx = { actor: coordinator, requestId: null };
  for (const [i, indicator] of example.indicators.entries()) {
    await importSotkanetFiles(deps, ctx, { metadata: indicator.metadata, data: indicator.data, regions: i === 0 ? example.regions : undefined, isExample: true }, 'upload');
  }
  await chooseAreas(deps, ctx, { homeAreaCode: '9901', countryAreaCode: '9900' });
}
