/** Remembers that a write just failed for lack of disk space, so /healthz can say so (503). */

import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import { isOutOfSpace } from '../../lib/out-of-space.js'

/** How long after the last out-of-space failure the process reports itself unhealthy. */
export const STORAGE_ALARM_MS = 60_000

export interface StorageAlarm {
  /** Records an out-of-space failure now. */
  raise(): void
  /** Throws while an out-of-space failure is recent (for the health check). */
  check(): void
}

/**
 * Creates the alarm. Reads keep working on a full disk, so a plain "does the database answer"
 * check stays green while every write fails; the alarm turns the health check red for a minute
 * after each failed write, and a balancer sends writers elsewhere meanwhile.
 */
export function createStorageAlarm(now: () => number = Date.now): StorageAlarm {
  let raisedAt = Number.NEGATIVE_INFINITY
  return {
    raise: () => {
      raisedAt = now()
    },
    check: () => {
      if (now() - raisedAt < STORAGE_ALARM_MS) throw new Error('writes are failing: disk full')
    },
  }
}

/** Raises `alarm` on every request that fails for lack of space, in every plugin. */
export const storageAlarmPlugin = fp<{ alarm: StorageAlarm }>(
  (async (app, { alarm }) => {
    app.addHook('onError', async (_request, _reply, error) => {
      if (isOutOfSpace(error)) alarm.raise()
    })
  }) satisfies FastifyPluginAsync<{ alarm: StorageAlarm }>,
  { name: 'masthead-storage-alarm' },
)
