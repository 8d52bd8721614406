/** `init({ detectors })`: the automatic signals, each of which can be switched off. */

export interface DetectorOptions {
  pageViews: boolean;
  scroll: boolean;
  exitIntent: boolean | { minDwellSeconds?: number | undefined };
  idle: boolean | { seconds?: number | undefined };
  clicks: boolean;
}
