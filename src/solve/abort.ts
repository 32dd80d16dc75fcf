/**
 * A stop of one's own that also follows an outer one (the user's Ctrl-C):
 * what AbortSignal.any does from Node 20.3 on, for the Node 20 releases
 * before it.
 */
export type LinkedAbort = {
  readonly signal: AbortSignal;
  /** Stops this one (not the outer one). */
  abort(): void;
  /** Lets go of the outer signal; call it once this one is no longer listened to, so that listeners never pile up on a long-lived outer signal. */
  release(): void;
};

export function linkedAbort(outer: AbortSignal | undefined): LinkedAbort {
  const own = new AbortController();
  const follow = () => own.abort();
  if (outer?.aborted) own.abort();
  else outer?.addEventListener('abort', follow, { once: true });
  return {
    signal: own.signal,
    abort: () => own.abort(),
    release: () => outer?.removeEventListener('abort', follow),
  };
}
