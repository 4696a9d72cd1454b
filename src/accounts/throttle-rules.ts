/**
 * Pure rules of sign-in throttling: a few free failures, then growing waits between tries, then
 * a temporary lock. The same rules apply to an e-mail address whether or not it has an account.
 */

/** One key's limits. */
export interface ThrottlePolicy {
  /** Failures allowed with no wait. */
  freeFailures: number
  /** Failures that lock the key. */
  lockAfter: number
  /** The longest wait between tries before the lock (ms). */
  maxDelayMs: number
  /** How long a lock lasts (ms). */
  lockMs: number
  /** Failures older than this (with none since) are forgotten (ms). */
  forgetMs: number
}

/** A key's recorded failures. */
export interface ThrottleState {
  failures: number
  lastFailureAt: Date
}

/** What a key allows now. */
export type ThrottleVerdict =
  | { kind: 'open' }
  | { kind: 'wait'; retryAfterMs: number }
  | { kind: 'locked'; retryAfterMs: number }

/** The limits per e-mail address: 4 free, then 1, 2, 4, 8, 16 s between tries, locked at 10. */
export function accountPolicy(lockMs: number): ThrottlePolicy {
  return { freeFailures: 4, lockAfter: 10, maxDelayMs: 60_000, lockMs, forgetMs: 3_600_000 }
}

/**
 * The limits per client address (IPv4, IPv6 /64): looser, since a newsroom behind one NAT shares
 * it, but they stop one client from trying password after password across many accounts.
 */
export function addressPolicy(lockMs: number): ThrottlePolicy {
  return { freeFailures: 20, lockAfter: 100, maxDelayMs: 60_000, lockMs, forgetMs: 3_600_000 }
}

/** The failures that still count at `now` (0 once forgotten or once a lock has run out). */
export function liveFailures(
  state: ThrottleState | undefined,
  policy: ThrottlePolicy,
  now: Date,
): number {
  if (state === undefined) return 0
  const since = now.getTime() - state.lastFailureAt.getTime()
  if (since >= policy.forgetMs) return 0
  if (state.failures >= policy.lockAfter && since >= policy.lockMs) return 0
  return state.failures
}

/** The wait required after `failures` failures (before the lock). */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures <= policy.freeFailures) return 0
  return Math.min(policy.maxDelayMs, 1000 * 2 ** (failures - policy.freeFailures - 1))
}

/** Whether a key allows a sign-in try at `now`. */
export function throttleVerdict(
  state: ThrottleState | undefined,
  policy: ThrottlePolicy,
  now: Date,
): ThrottleVerdict {
  const failures = liveFailures(state, policy, now)
  if (state === undefined || failures === 0) return { kind: 'open' }
  const since = now.getTime() - state.lastFailureAt.getTime()
  if (failures >= policy.lockAfter) return { kind: 'locked', retryAfterMs: policy.lockMs - since }
  const wait = delayAfter(failures, policy) - since
  return wait > 0 ? { kind: 'wait', retryAfterMs: wait } : { kind: 'open' }
}

/** The strictest of several verdicts (a lock beats a wait beats open; longer beats shorter). */
export function strictest(verdicts: readonly ThrottleVerdict[]): ThrottleVerdict {
  const rank = { open: 0, wait: 1, locked: 2 } as const
  let worst: ThrottleVerdict = { kind: 'open' }
  for (const verdict of verdicts) {
    if (rank[verdict.kind] > rank[worst.kind]) worst = verdict
    else if (
      verdict.kind === worst.kind &&
      verdict.kind !== 'open' &&
      worst.kind !== 'open' &&
      verdict.retryAfterMs > worst.retryAfterMs
    )
      worst = verdict
  }
  return worst
}
