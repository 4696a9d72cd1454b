/** Starts Masthead as a real child process (`node --import tsx src/main.ts`) and stops it by signal. */

import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

export interface ServerProcess {
  /** `http://127.0.0.1:<port>`. */
  origin: string
  /** The child's process id. */
  pid: number
  /** Sends `signal` and resolves with the exit code (fails after 30 s). */
  stop(signal?: NodeJS.Signals): Promise<number | null>
  /** Everything the process printed, for failure messages. */
  output(): string
}

const ROOT = path.resolve(import.meta.dirname, '../..')
const SERVING = /Masthead is serving .* at (http:\/\/127\.0\.0\.1:\d+)/

/** Spawns the server with `env` on a free port and waits until it listens (at most 60 s). */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      MASTHEAD_HOST: '127.0.0.1',
      MASTHEAD_PORT: '0',
      MASTHEAD_DEMO: 'false',
      MASTHEAD_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no start within 60 s:\n${output}`)), 60_000)
    const fail = (error: Error): void => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(error)
    }
    child.stdout.on('data', () => {
      const found = SERVING.exec(output)
      if (found?.[1] !== undefined) {
        clearTimeout(timer)
        resolve(found[1])
      }
    })
    void exited.then((code) => fail(new Error(`exited with ${code} before serving:\n${output}`)))
  })
  return {
    origin,
    pid: child.pid ?? 0,
    output: () => output,
    stop: (signal = 'SIGTERM') => stopChild(child, exited, signal),
  }
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<number | null>,
  signal: NodeJS.Signals,
): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
  try {
    return await exited
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The view token of the story page at `pagePath`, fetched as a bot (so fetching it counts no
 * view): what a browser's beacon sends back.
 */
export async function pageViewToken(origin: string, pagePath: string): Promise<string> {
  const response = await fetch(`${origin}${pagePath}`, {
    headers: { 'user-agent': 'masthead-test-bot/1.0' },
  })
  const token = /data-view-token="([^"]+)"/.exec(await response.text())?.[1]
  if (token === undefined) throw new Error(`no view token on ${pagePath}`)
  return token
}

/** POSTs one beacon for `slug` with the page's `token` as reader `agent`; resolves with the status. */
export async function sendBeacon(
  origin: string,
  slug: string,
  agent: string,
  token: string,
): Promise<number> {
  const response = await fetch(`${origin}/api/v1/views`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': agent },
    body: JSON.stringify({ slug, token }),
  })
  await response.arrayBuffer()
  return response.status
}
