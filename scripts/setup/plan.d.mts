export interface Machine {
  platform: string;
  distro: "debian" | "ubuntu" | undefined;
  mode: "full" | "translator" | "tools";
  npmPackages: { installed: boolean; upToDate: boolean; dev: boolean; tools: boolean };
  browser: string | undefined;
  pdftoppm: boolean;
  java: boolean;
  isRoot: boolean;
  sudo: boolean;
}
export type Step = { kind: "say"; text: string } | { kind: "run"; command: string; args: string[]; env?: Record<string, string>; failure: string };
export interface Tool {
  id: "browser" | "poppler" | "java";
  name: string;
  purpose: string;
  needs: string[];
}
export declare const TOOLS: readonly Tool[];
export declare const FONTS_STEP: readonly [string, string];
export declare const WITHOUT_TOOLS: readonly string[];
export declare function planSetup(machine: Machine): Step[];
