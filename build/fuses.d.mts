/** Types for fuses.mjs (a plain module electron-builder loads as it is). */
export declare const fuseSettings: Readonly<Record<string, boolean>>;
export declare function fuseConfig(
  fuses: { FuseV1Options: Record<string, unknown>; FuseVersion: { V1: string } },
  platform: string,
): Record<string | number, unknown>;
