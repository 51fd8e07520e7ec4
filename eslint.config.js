// One lint tool (ESLint with type-aware typescript-eslint), run by `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noEnums = { selector: 'TSEnumDeclaration', message: 'Use string unions, not enum.' };
const dateMessage = 'Write dates and times with src/domain/date-format.ts (one Finnish format, Helsinki time; issue 17 item 14).';
const oneDateFormat = [
  { selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']", message: dateMessage },
  { selector: "CallExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']", message: dateMessage },
  { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/]", message: dateMessage },
];

// Intl formatters come from src/domain/intl-cache.ts: one built per call holds native ICU memory V8
// does not count, and a server building them per request grew by hundreds of MiB (the soak caught it).
const noIntlConstructors = [
  { selector: "NewExpression[callee.object.name='Intl']", message: 'Use the shared formatters of src/domain/intl-cache.ts (a formatter per call leaks native memory until a full GC).' },
];

// Issue 18 item 1: the web decides what to show from the session's abilities (src/web/auth/abilities.ts),
// by action, never by role name — a role name in web code would be a second, drifting copy of the rules.
// The names are those of `roles` in src/domain/org.ts (manager included as it lands).
const roleNames = 'coordinator|professional|daycentre_staff|administrator|auditor|manager';
const noRoleLiterals = [
  {
    selector: `Literal[value=/^(${roleNames})$/]`,
    message: 'No role names in web code: ask the abilities by action (src/web/auth/abilities.ts). Only code that renders a role\'s name may hold them (allow-list in eslint.config.js).',
  },
  { selector: `TemplateElement[value.raw=/^(${roleNames})$/]`, message: 'No role names in web code: ask the abilities by action (src/web/auth/abilities.ts).' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'eslint.config.js', 'scripts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noEnums],
    },
  },
  {
    // Issue 17 item 14: what the product shows writes dates and times with src/domain/date-format.ts alone.
    // Tests are left out on purpose: they compute what they expect on their own, not with the module under test.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-syntax': ['error', noEnums, ...oneDateFormat, ...noIntlConstructors] },
  },
  {
    // Allowed besides the module:
    files: [
      'src/domain/date-format.ts', // the module itself
      'src/domain/calendar/time-zone.ts', // which Helsinki day an instant falls on: data ('YYYY-MM-DD'), never shown as such
      'src/server/demo/history-support.ts', // demo seeding turns Helsinki wall-clock times into instants: data, not display
    ],
    rules: { 'no-restricted-syntax': ['error', noEnums, ...noIntlConstructors] },
  },
  {
    files: ['src/domain/intl-cache.ts'], // the formatters' one maker
    rules: { 'no-restricted-syntax': ['error', noEnums] },
  },
  {
    // No role literals in the web, except where a role's name is rendered: the user administration
    // (its role picker and labels).
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/web/users/**'],
    rules: { 'no-restricted-syntax': ['error', noEnums, ...oneDateFormat, ...noIntlConstructors, ...noRoleLiterals] },
  },
  {
    files: ['src/web/**/*.tsx', 'src/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Tests read untyped JSON responses on purpose; their assertions are the type check.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // src/domain is shared by server and web: it must stay free of both.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/server/**', '**/web/**', 'node:*', 'fastify*', 'react*', 'pg', '@electric-sql/*'] }],
    },
  },
);
