import { isAllowedHost, type ImportResult, type SotkanetFetch } from '../../domain/indicators/indicators.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Ctx } from '../http/context.js';
import { authorize } from '../policy/policy.js';
import { importSotkanetFiles } from './commands.js';

/** Sotkanet's answers for one indicator are small; anything much larger is not what was asked for. */
const MAX_BYTES = 5_000_000;
const TIMEOUT_MS = 15_000;

/** The REST 1.1 addresses of one indicator's metadata and data rows, and of the areas. */
export function sotkanetUrls(request: SotkanetFetch) {
  const base = request.baseUrl.replace(/\/+$/, '');
  const data = new URL(`${base}/rest/1.1/json`);
  data.searchParams.set('indicator', String(request.indicatorId));
  for (const year of request.years) data.searchParams.append('years', String(year));
  for (const gender of request.genders) data.searchParams.append('genders', gender);
  return { metadata: `${base}/rest/1.1/indicators/${request.indicatorId}`, data: data.toString(), regions: `${base}/rest/1.1/regions` };
}

async function getJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    // No redirects: a redirect could lead to a host the deployment did not allow.
    response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
  } catch {
    throw new AppError('bad_request', `Could not fetch ${url}.`, { reason: 'fetch_failed', url });
  }
  if (!response.ok) throw new AppError('bad_request', `${url} answered ${response.status}.`, { reason: 'fetch_failed', url, status: response.status });
  const text = await response.text();
  if (text.length > MAX_BYTES) throw new AppError('bad_request', `${url} answered more than expected.`, { reason: 'fetch_failed', url });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad_request', `${url} did not answer JSON.`, { reason: 'sotkanet_format', file: url.includes('/indicators/') ? 'metadata' : url.includes('/regions') ? 'regions' : 'data', problems: ['(top): not JSON'] });
  }
}

/**
 * Imports an indicator straight from a Sotkanet server, when the deployment allows its host
 * (SILTA_INDICATOR_IMPORT_HOSTS; none by default, so the import is off). The answers go through the same
 * checks and the same single transaction as an uploaded file.
 */
export async function fetchSotkanet(deps: Deps, ctx: Ctx, request: SotkanetFetch): Promise<ImportResult> {
  authorize(ctx.actor, 'indicator.manage', { regionId: ctx.actor.regionId });
  const allowed = deps.config.indicatorImportHosts;
  if (allowed.length === 0) throw new AppError('bad_request', 'Importing by URL is off in this deployment: upload the files instead.', { field: 'baseUrl', reason: 'url_import_off' });
  if (!isAllowedHost(request.baseUrl, allowed)) throw new AppError('bad_request', 'That host is not one this deployment imports from.', { field: 'baseUrl', reason: 'host_not_allowed' });
  const urls = sotkanetUrls(request);
  const metadata = await getJson(urls.metadata);
  const data = await getJson(urls.data);
  const regions = request.withRegions ? await getJson(urls.regions) : undefined;
  return importSotkanetFiles(deps, ctx, { metadata, data, regions, isExample: false }, 'url');
}
