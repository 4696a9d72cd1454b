/** The job lease: with several processes, who runs one occurrence of a cluster-wide job. */

/**
 * Grants the right to run a job for a while. A process runs a `one-process` job only when
 * `acquire` resolves true; the grant holds for `ttlMs`, long enough to cover the other
 * processes' attempts at the same occurrence, so exactly one of them runs it.
 */
export interface JobLease {
  /** True when this process may run `jobName` now; false when another holds the lease. */
  acquire(jobName: string, ttlMs: number): Promise<boolean>
}
