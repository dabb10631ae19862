export interface Machine {
  platform: string;
  distro: "debian" | "ubuntu" | undefined;
  npmPackages: { installed: boolean; upToDate: boolean };
  browser: string | undefined;
  pdftoppm: boolean;
  java: boolean;
  isRoot: boolean;
  sudo: boolean;
}
export type Step = { kind: "say"; text: string } | { kind: "run"; command: string; args: string[]; env?: Record<string, string>; failure: string };
export declare function planSetup(machine: Machine): Step[];
