import fc from 'fast-check';

/** The parts of an OpenAPI 3.0 schema object the mutations read. */
export type JsonSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
};

export type Operation = {
  method: string;
  /** The path in Fastify's form, `/api/sites/:siteId`. */
  route: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
  responses: Record<string, unknown>;
  security: unknown[] | undefined;
};

type RawOperation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
  security?: unknown[];
};

/** Every operation of an OpenAPI document, with its path turned back into Fastify's `:param` form. */
export function operationsOf(document: { paths?: Record<string, Record<string, RawOperation>> }): Operation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, raw]) => ({
      method: method.toUpperCase(),
      route: path.replace(/\{(\w+)\}/g, ':$1'),
      pathParams: (raw.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      query: (raw.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
      body: raw.requestBody?.content?.['application/json']?.schema ?? null,
      responses: raw.responses ?? {},
      security: raw.security,
    })),
  );
}

/** The values of a route's `:params` in a concrete URL of that route, or null where one is missing. */
export function paramsFromUrl(route: string, url: string): Record<string, string> | null {
  const pattern = route.split('/');
  const actual = (url.split('?')[0] ?? '').split('/');
  if (pattern.length !== actual.length) return null;
  const values: Record<string, string> = {};
  for (const [i, segment] of pattern.entries()) {
    const value = actual[i] ?? '';
    if (segment.startsWith(':')) values[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return null;
  }
  return values;
}

/** The properties an object schema (or its first object variant) declares. */
function objectOf(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties) return schema;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].find((s) => s.properties);
}

export type Field = { path: (string | number)[]; schema: JsonSchema; isRequired: boolean };

/** Every field of a body, walking the schema alongside a valid body (arrays through their first element). */
export function fieldsOf(schema: JsonSchema, value: unknown, path: (string | number)[] = [], depth = 0): Field[] {
  if (depth > 3) return [];
  const object = objectOf(schema);
  if (object?.properties && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(object.properties).flatMap(([name, inner]) => [
      { path: [...path, name], schema: inner, isRequired: (object.required ?? []).includes(name) },
      ...fieldsOf(inner, (value as Record<string, unknown>)[name], [...path, name], depth + 1),
    ]);
  }
  if (schema.items && Array.isArray(value) && value.length > 0) return fieldsOf(schema.items, value[0], [...path, 0], depth + 1);
  return [];
}

export const DROP = Symbol('drop');
export type Replacement = unknown;

const hostile = ['', ' ', '\u0000', '\uD800', "'; drop table users; --", '<script>alert(1)</script>', '🧪'.repeat(50), '../../etc/passwd'];
const huge = ['x'.repeat(20_000), 'ä'.repeat(70_000)];
const wrongTypes = [true, 0, 12345, 'text', [], {}, [1, 'a', null], { nested: { deeper: [] } }];
const boundaries = [-1, 0, 0.5, -0.000001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308];
const badDays = ['2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '2026-1-1', '2026-01-15T25:00:00Z', '24:00:00', '25:61', '1969-12-31T23:59:59Z', '+275760-09-13T00:00:00Z'];
const badUuids = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '0190b1a0-0000-7000-8000-00000000000G', '{0190b1a0-0000-7000-8000-000000000000}'];

const isDateLike = (name: string, s: JsonSchema) =>
  ['date', 'date-time', 'time'].includes(s.format ?? '') || /\\d\{4\}|\\d\{2\}:/.test(s.pattern ?? '') || /(On|At|day|Day|from|to)$/.test(name);
const isIdLike = (name: string, s: JsonSchema) => s.format === 'uuid' || /Ids?$|^id$/.test(name);

/** Bad values for one field: generic ones for every field, and ones aimed at its type and format. */
export function badValuesFor(field: Field, realIds: string[]): fc.Arbitrary<Replacement> {
  const name = String(field.path[field.path.length - 1] ?? '');
  const { schema } = field;
  const aimed: Replacement[] = [];
  if (schema.type === 'number' || schema.type === 'integer') {
    aimed.push(...boundaries);
    if (schema.minimum !== undefined) aimed.push(schema.minimum - 1);
    if (schema.maximum !== undefined) aimed.push(schema.maximum + 1);
  }
  if (schema.type === 'string' && schema.maxLength !== undefined) aimed.push('y'.repeat(schema.maxLength + 1));
  if (isDateLike(name, schema)) aimed.push(...badDays);
  if (isIdLike(name, schema)) aimed.push(...badUuids, ...realIds, '3b241101-e2bb-4255-8caf-4136c566a962');
  if (schema.type === 'array') aimed.push(Array.from({ length: 1000 }, () => 'x'), [null]);
  return fc.oneof(
    fc.constant<Replacement>(DROP),
    fc.constant<Replacement>(null),
    fc.constantFrom<Replacement>(...wrongTypes),
    fc.constantFrom<Replacement>(...hostile, ...huge),
    ...(aimed.length > 0 ? [fc.constantFrom<Replacement>(...aimed)] : []),
  );
}

/** A copy of `body` with the value at `path` replaced (or removed, for DROP). */
export function withValue(body: unknown, path: (string | number)[], value: Replacement): unknown {
  if (path.length === 0) return value === DROP ? undefined : value;
  const copy: unknown = structuredClone(body);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    if (typeof next !== 'object' || next === null) return copy;
    parent = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === DROP) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** Whole bodies that are wrong as a whole: nothing in them, the wrong JSON type, only unknown fields. */
export const wholeBodies: unknown[] = [{}, [], null, 'text', 42, { unexpectedField: 1 }, { __silta_unknown__: { deep: true } }];

/** Path parameter values: mostly the real one, else a stranger, a malformed id or an attack string. */
export function paramArbitrary(real: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(real) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom('not-a-uuid', '0', '-1', 'x'.repeat(300), '%00', '..%2F..', "1'%20or%20'1'='1", '%E0%A4%A', '2026-02-30', real.toUpperCase()) },
  );
}
