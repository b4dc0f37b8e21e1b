import type { ApkAddObservation, ApkPackage, PypiPackage } from './types';
import generated from './generated/apk-pip.json';

/** Shape of generated/apk-pip.json (scripts/gen-apk-pip.ts). */
export interface ApkPipTable {
  source: string;
  collectedOn: string;
  apk: {
    baseImageApkInstalledBytes: number;
    indexCacheBytes: number;
    aliases: Record<string, string>;
    packages: ApkPackage[];
    observations: ApkAddObservation[];
  };
  pip: {
    calibration: Record<string, number>;
    packages: PypiPackage[];
  };
  caches: {
    pipRatioToDownloadedWheels: number;
    npm: {
      install: string;
      cacheBytes: number;
      nodeModulesBytes: number;
      tarballBytes: number;
      packumentBytes: number;
      measuredOn: string;
    }[];
  };
  aptLists: { bookworm: number; bookwormUncompressed: number; jammy: number; noble: number };
}

export const APK_PIP = generated as unknown as ApkPipTable;
