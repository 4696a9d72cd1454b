/** Where to go after signing in: only a path inside the newsroom, so the sign-in page is no open redirect. */

/** The newsroom's home, where sign-in leads by default. */
export const NEWSROOM_HOME = '/newsroom'

/**
 * `next` when it is a newsroom path on this site (not the sign-in page itself), else the home.
 * @example safeReturnPath('//evil.example/newsroom') // '/newsroom'
 */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000) return NEWSROOM_HOME
  // Backslashes and control characters are read as slashes or dropped by some browsers.
  if (!next.startsWith('/') || next.includes('\\') || hasControlCharacter(next))
    return NEWSROOM_HOME
  let url: URL
  try {
    url = new URL(next, 'http://masthead.invalid')
  } catch {
    return NEWSROOM_HOME
  }
  if (url.origin !== 'http://masthead.invalid') return NEWSROOM_HOME
  const path = url.pathname
  if (path !== NEWSROOM_HOME && !path.startsWith(`${NEWSROOM_HOME}/`)) return NEWSROOM_HOME
  if (path.startsWith('/newsroom/sign-in')) return NEWSROOM_HOME
  return path + url.search
}

/** The sign-in page address that returns to `path` afterwards. */
export function signInPath(path: string): string {
  const next = safeReturnPath(path)
  return next === NEWSROOM_HOME
    ? '/newsroom/sign-in'
    : `/newsroom/sign-in?next=${encodeURIComponent(next)}`
}

/** True when `text` holds a C0 control character or DEL. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}
