// Types of server-bundle.mjs for the TypeScript callers (the browser tests' global setup).
export declare const repoRoot: string;
export declare function bundleServer(outdir: string, entryPoints: Record<string, string>): Promise<void>;
