/** What this process turned away or took in since it started; `GET /api/stats` shows them. */
export interface Counters {
  accepted: number;
  rejectedRecords: number;
  unknownWriteKey: number;
  foreignOrigin: number;
  tooLarge: number;
  unauthorizedAdmin: number;
}

export const newCounters = (): Counters => ({ accepted: 0, rejectedRecords: 0, unknownWriteKey: 0, foreignOrigin: 0, tooLarge: 0, unauthorizedAdmin: 0 });
