/** Silta's authorization rules: pure functions over facts, shared by the server and the web. */
export * from './conditions.js';
export * from './principals.js';
export * from './rules.js';
export * from './decide.js';
export * from './registers.js';
