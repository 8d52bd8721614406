/** Keepalive bodies in flight share one 64 KiB quota per page (fetch spec, "keepalive"). */
export const KEEPALIVE_BUDGET = 64 * 1024;

/** A batch out on the network, by its records' store keys. */
export interface Flight {
  keys: string[];
  /** Sent with keepalive: the browser carries it on if the page goes, so it may count as sent. */
  keepalive: boolean;
  /** Body bytes held from the keepalive quota while in flight. */
  bytes: number;
  /** The endpoint confirmed it; the records are being deleted. */
  answered?: boolean;
  /** Marked as sent when the page hid: the mark is removed once the answer has decided. */
  marked?: boolean;
}

export type InFlight = ReturnType<typeof createInFlight>;

/**
 * This page's requests in flight and the keepalive quota they hold. A flush batch goes with
 * keepalive while it fits, so a tab closed mid-request still delivers it, and the page-hide
 * send knows which records are already on their way (issue 18, finding 9: they went twice).
 */
export function createInFlight() {
  const flights = new Set<Flight>();
  const busyIds = new Set<string>();
  let keepaliveBytes = 0;
  const waiting: Array<() => void> = [];
  const changed = () => {
    for (const wake of waiting.splice(0)) wake();
  };
  return {
    room: () => KEEPALIVE_BUDGET - keepaliveBytes,
    fits: (bytes: number) => bytes <= KEEPALIVE_BUDGET - keepaliveBytes,
    /** Starts a flight; keepalive when `bytes` fit what is left of the quota. */
    start(keys: string[], bytes: number): Flight {
      const flight: Flight = { keys, keepalive: bytes <= KEEPALIVE_BUDGET - keepaliveBytes, bytes };
      if (flight.keepalive) keepaliveBytes += bytes;
      for (const key of keys) busyIds.add(key.slice(0, 36));
      flights.add(flight);
      return flight;
    },
    /** The answer came (status 0: none did): the browser gives the quota back. */
    answered(flight: Flight, status: number) {
      if (flight.keepalive) keepaliveBytes -= flight.bytes;
      flight.keepalive = false;
      flight.answered = status >= 200 && status < 300;
      changed();
    },
    /** Done with, the records deleted or kept for a retry: they may be sent again. */
    end(flight: Flight) {
      for (const key of flight.keys) busyIds.delete(key.slice(0, 36));
      flights.delete(flight);
      changed();
    },
    /**
     * Waits until `bytes` fit the quota, any request of this page ends, or `ms` pass. A page-hide
     * request holds quota the drain's own batches do not account for (issue 18, finding 9).
     */
    async waitForRoom(bytes: number, ms: number) {
      const until = Date.now() + ms;
      while (flights.size && bytes > KEEPALIVE_BUDGET - keepaliveBytes && Date.now() < until) {
        await new Promise<void>((resolve) => (waiting.push(resolve), setTimeout(resolve, until - Date.now())));
      }
    },
    /** Whether a request of this page already carries the record with this id. */
    busy: (id: string) => busyIds.has(id),
    /**
     * Flights the page is hiding with, not marked yet, marked now: those the browser carries on
     * (keepalive), and those confirmed whose records a closing tab may not get to delete.
     */
    unmarked(): Flight[] {
      const found = [...flights].filter((flight) => (flight.answered || flight.keepalive) && !flight.marked);
      for (const flight of found) flight.marked = true;
      return found;
    },
  };
}
