import type { Machine } from "./plan.mjs";
export declare function probeMachine(root: string, env?: NodeJS.ProcessEnv, argv?: string[]): Machine;
export declare function npmPackages(root: string): Machine["npmPackages"];
export declare function debianFamily(osRelease: string): "debian" | "ubuntu" | undefined;
export declare function findOnPath(name: string, env: NodeJS.ProcessEnv, platform: string): boolean;
