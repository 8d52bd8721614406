type Handler<T> = (payload: T) => void;

/** A tiny typed event emitter. A throwing handler is reported, never propagated. */
export function createEmitter<Events extends object>(onHandlerError: (error: unknown) => void) {
  const handlers = new Map<keyof Events, Set<Handler<never>>>();
  return {
    on<K extends keyof Events>(event: K, handler: Handler<Events[K]>): () => void {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler as Handler<never>);
      return () => void set.delete(handler as Handler<never>);
    },
    emit<K extends keyof Events>(event: K, payload: Events[K]): void {
      for (const handler of handlers.get(event) ?? []) {
        try {
          (handler as Handler<Events[K]>)(payload);
        } catch (error) {
          if (event !== 'error') onHandlerError(error);
        }
      }
    },
    count: (event: keyof Events) => handlers.get(event)?.size ?? 0,
    clear: () => handlers.clear(),
  };
}
export type Emitter<Events extends object> = ReturnType<typeof createEmitter<Events>>;
