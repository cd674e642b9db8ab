// Types of scripts/build.js (plain JavaScript, since it runs before any TypeScript loader).
export type BuildName = 'cli' | 'bench';
export const ROOT: string;
export const BUILDS: Record<BuildName, { entry: string; out: string; sources: string[] }>;
export function newestSource(root: string, folders: string[]): number;
export function isCurrent(name: BuildName, root?: string): boolean;
export function build(name: BuildName, root?: string, options?: { quiet?: boolean }): Promise<string>;
export function currentBuild(name: BuildName, root?: string): Promise<string | null>;
