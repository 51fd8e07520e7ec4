/*
 * Stand-in for the five `tslib` helpers that suomifi-ui-components' ESM build imports.
 * suomifi-ui-components does not declare tslib as a dependency, so npm leaves it out; vite.config.ts
 * aliases `tslib` here only when the real package cannot be resolved. The helpers follow tslib's
 * own definitions (0BSD licence). Add `tslib` to package.json dependencies to retire this file.
 */
type Bag = Record<PropertyKey, unknown>;

export const __assign = Object.assign;

type Constructor = { prototype: object | null };

export function __extends(derived: Constructor, base: Constructor | null): void {
  Object.setPrototypeOf(derived, base);
  derived.prototype = Object.create(base === null ? null : base.prototype, {
    constructor: { value: derived, writable: true, configurable: true },
  }) as object;
}

export function __rest(source: Bag | null | undefined, excluded: PropertyKey[]): Bag {
  const target: Bag = {};
  if (source === null || source === undefined) return target;
  for (const key of Object.keys(source)) if (!excluded.includes(key)) target[key] = source[key];
  for (const symbol of Object.getOwnPropertySymbols(source)) {
    if (!excluded.includes(symbol) && Object.prototype.propertyIsEnumerable.call(source, symbol)) target[symbol] = source[symbol];
  }
  return target;
}

export function __makeTemplateObject(cooked: string[], raw: string[]): TemplateStringsArray {
  Object.defineProperty(cooked, 'raw', { value: raw });
  return cooked as unknown as TemplateStringsArray;
}

export function __spreadArray<T>(to: T[], from: ArrayLike<T>): T[] {
  return to.concat(Array.from(from));
}
