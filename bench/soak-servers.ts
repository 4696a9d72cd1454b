/**
 * The soak's server processes: each runs package.json's `start` script (the compiled dist/ server,
 * as `npm start` runs it) on its own port, and can be read for memory, killed and stopped.
 */

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export interface SoakServer {
  /** "A", "B", "B'". */
  readonly instance: string
  readonly port: number
  readonly pid: number
  /** The process's resident memory now, in MiB; undefined once it is gone. */
  rssMiB(): number | undefined
  /** Sends `signal`; resolves with the exit code (SIGKILL after 15 s of waiting). */
  stop(signal: NodeJS.Signals): Promise<number | null>
  /** Whether the process has exited. */
  exited(): boolean
  /** Log lines at level warn or above (at most 20), and the last lines printed. */
  problems(): { warnings: string[]; errors: number; tail: string[] }
}

const ROOT = path.resolve(import.meta.dirname, '..')
const SERVING = /Masthead is serving .* at http:\/\/127\.0\.0\.1:(\d+)/
/** Every child started, so an exit of the soak for any reason can still kill them. */
const running = new Set<number>()

process.on('exit', () => {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
})

/** `npm start`'s command line, read from package.json (npm runs it with `sh -c`). */
export function startScript(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  const script = manifest.scripts.start
  if (script === undefined) throw new Error('package.json has no start script')
  return script
}

/**
 * Starts the server as `instance` on `port` with `env` (and only PATH and HOME from this
 * process); resolves once it prints that it is serving (at most 60 s).
 */
export async function startServer(
  instance: string,
  port: number,
  env: Record<string, string>,
): Promise<SoakServer> {
  // `sh -c` as npm does; the script `exec`s node, so the child's pid is the server's own.
  const child = spawn('sh', ['-c', startScript()], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...env,
      MASTHEAD_HOST: '127.0.0.1',
      MASTHEAD_PORT: String(port),
    },
    // Its own process group: a Ctrl-C in the terminal reaches the soak, which stops the servers.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const pid = child.pid
  if (pid === undefined) throw new Error('could not spawn the server')
  running.add(pid)
  let exitCode: number | null | undefined
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(pid)
      exitCode = code ?? (signal === null ? null : -1)
      resolve(exitCode)
    }),
  )
  const tail: string[] = []
  const warnings: string[] = []
  let errors = 0
  let pending = ''
  const onData = (chunk: string): void => {
    const lines = (pending + chunk).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      tail.push(line)
      if (tail.length > 40) tail.shift()
      // pino levels: 40 warn, 50 error, 60 fatal.
      const level = /^\{"level":(\d+)/.exec(line)?.[1]
      if (level !== undefined && Number(level) >= 40) {
        if (Number(level) >= 50) errors += 1
        if (warnings.length < 20) warnings.push(line.slice(0, 400))
      }
    }
  }
  child.stdout.setEncoding('utf8').on('data', onData)
  child.stderr.setEncoding('utf8').on('data', onData)

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${instance} did not start within 60 s:\n${tail.join('\n')}`))
    }, 60_000)
    const watch = (): void => {
      if (tail.some((line) => SERVING.exec(line)?.[1] === String(port))) {
        clearTimeout(timer)
        child.stdout.off('data', watch)
        resolve()
      }
    }
    child.stdout.on('data', watch)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`${instance} exited with ${code} before serving:\n${tail.join('\n')}`))
    })
  })

  return {
    instance,
    port,
    pid,
    rssMiB: () => rssOf(pid),
    exited: () => exitCode !== undefined,
    problems: () => ({ warnings, errors, tail }),
    stop: async (signal) => {
      if (exitCode !== undefined) return exitCode
      child.kill(signal)
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000)
      try {
        return await exited
      } finally {
        clearTimeout(force)
      }
    },
  }
}

/** VmRSS of `pid` in MiB, from /proc (Linux); undefined when the process is gone. */
function rssOf(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = /^VmRSS:\s+(\d+)/m.exec(status)?.[1]
    return kib === undefined ? undefined : Number(kib) / 1024
  } catch {
    return undefined
  }
}
