/** Types for after-pack.mjs (electron-builder's afterPack hook). */
export default function afterPack(context: {
  electronPlatformName: string;
  packager: { addElectronFuses(context: unknown, fuses: unknown): Promise<unknown> };
}): Promise<void>;
