// The first route (the sign-in page) is what main.tsx reaches through static imports: Vite puts all of
// it in the entry chunk or its modulepreloads. The design system (about 40 KiB gzipped with
// styled-components, its tokens and polished) and zod must stay out of it, or the first route goes over its
// 150 KiB budget (`npm run bench`, issue 17 item 19). Pages and parts shown after sign-in load with `lazy`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const webRoot = path.dirname(new URL(import.meta.url).pathname);
const entry = path.join(webRoot, 'main.tsx');

// Static imports only (`import x from`, `import { x } from`, `import 'x'`); `import type` is erased and
// `import('x')` is a separate chunk. Re-exports count too.
const staticImport = /^\s*(?:import(?!\s+type\b)(?:[\s\w{},*]+from\s*)?|export\s+(?!type\b)[\s\w{},*]+from\s*)['"]([^'"]+)['"]/gm;

function resolveLocal(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every local module main.tsx reaches statically, and the packages they import. */
function firstRoute(): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (modules.has(file)) continue;
    modules.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const match of fs.readFileSync(file, 'utf8').matchAll(staticImport)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) {
        const resolved = resolveLocal(file, specifier);
        if (resolved) queue.push(resolved);
      } else {
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
  }
  return { modules, packages };
}

describe('the first route', () => {
  const { modules, packages } = firstRoute();

  it('reaches the shell: the sign-in page, the layout and the router', () => {
    const relative = [...modules].map((file) => path.relative(webRoot, file));
    expect(relative).toEqual(expect.arrayContaining(['app.tsx', 'routes.tsx', 'auth/login-page.tsx', 'layout/app-layout.tsx']));
    expect([...packages]).toEqual(expect.arrayContaining(['react', 'react-router', 'i18next', '@tanstack/react-query']));
  });

  it('imports neither the design system nor zod', () => {
    expect([...packages].filter((name) => ['suomifi-ui-components', 'styled-components', 'polished', 'suomifi-design-tokens', 'zod'].includes(name))).toEqual([]);
  });
});
