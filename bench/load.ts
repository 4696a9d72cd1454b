/** Drives load with autocannon in a child process, so the load generator never shares the server's thread. */

import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

/** The load every throughput scenario applies, so their figures compare. */
export const LOAD = { connections: 50, durationSeconds: 10 } as const

export interface LoadResult {
  requestsPerSecond: number
  latencyP50Ms: number
  latencyP99Ms: number
  throughputBytesPerSecond: number
  requests: number
  errors: number
  timeouts: number
  non2xx: number
}

interface AutocannonJson {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  throughput: { average: number }
  errors: number
  timeouts: number
  non2xx: number
}

const AUTOCANNON_CLI = createRequire(import.meta.url).resolve('autocannon/autocannon.js')

/** Runs autocannon against `url` (loopback only) and returns its summary. */
export async function runLoad(url: string, load = LOAD): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url))
    throw new Error(`refusing to load ${url}: loopback only`)
  const args = [
    AUTOCANNON_CLI,
    '--json',
    '-c',
    String(load.connections),
    '-d',
    String(load.durationSeconds),
    url,
  ]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const code = await new Promise<number | null>((resolve, reject) => {
    // Bounded: the run takes durationSeconds; anything far past that is a hang.
    const timer = setTimeout(() => child.kill('SIGKILL'), (load.durationSeconds + 30) * 1000)
    child.once('error', reject)
    child.once('close', (exitCode) => {
      clearTimeout(timer)
      resolve(exitCode)
    })
  })
  if (code !== 0) throw new Error(`autocannon exited with ${code}: ${stderr.slice(-500)}`)
  const json = JSON.parse(stdout) as AutocannonJson
  return {
    requestsPerSecond: json.requests.average,
    latencyP50Ms: json.latency.p50,
    latencyP99Ms: json.latency.p99,
    throughputBytesPerSecond: json.throughput.average,
    requests: json.requests.total,
    errors: json.errors,
    timeouts: json.timeouts,
    non2xx: json.non2xx,
  }
}
