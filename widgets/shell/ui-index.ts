// Constants only: the survey chunk uses them too, and each file inlines them (no import between chunks).
/** Indexes into a locale's built-in strings. */
export const SUBMIT = 0,
  CLOSE = 1,
  OTHER = 2,
  THANKS = 3,
  REDEEM = 4,
  POINTS = 5;
/** Default end labels: nps low/high, then csat, then ces (rating `metric`). */
export const NPS_LOW = 6,
  CSAT_LOW = 8,
  CES_LOW = 10;
