import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import data from '../../domain/structural/sotkanet-fixtures/data-900001.json' with { type: 'json' };
import metadata from '../../domain/structural/sotkanet-fixtures/indicator-900001.json' with { type: 'json' };
import regions from '../../domain/structural/sotkanet-fixtures/regions-example.json' with { type: 'json' };

/** The made-up example files in Sotkanet's shapes (indicator 900001, areas 9000 and 9001). */
export const exampleFiles = () => ({ metadata: structuredClone(metadata) as unknown, data: structuredClone(data) as unknown, regions: structuredClone(regions) as unknown });

export type SotkanetDouble = {
  baseUrl: string;
  host: string;
  /** Path (with the query) → the JSON text to answer; a path not here answers 404. */
  answers: Map<string, string>;
  /** Every path asked for, in order. */
  asked: string[];
  close(): Promise<void>;
};

/**
 * A Sotkanet stand-in on 127.0.0.1 for tests (no internet): it answers the REST 1.1 paths of indicator
 * 900001 with the example files, and whatever a test puts in `answers`.
 */
export async function openSotkanetDouble(): Promise<SotkanetDouble> {
  const answers = new Map<string, string>([
    ['/rest/1.1/indicators/900001', JSON.stringify(metadata)],
    ['/rest/1.1/json?indicator=900001&years=2015&years=2016&genders=total', JSON.stringify(data)],
    ['/rest/1.1/regions', JSON.stringify(regions)],
  ]);
  const asked: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '';
    asked.push(path);
    const body = answers.get(path);
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(body ?? '{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    answers,
    asked,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let shared: Promise<SotkanetDouble> | null = null;
/** One double for the whole test file (the route matrix calls the by-URL import many times). */
export const startSotkanetDouble = (): Promise<SotkanetDouble> => (shared ??= openSotkanetDouble());
