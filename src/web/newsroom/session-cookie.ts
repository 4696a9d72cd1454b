/** The newsroom session cookie: HttpOnly, SameSite=Lax, Path=/newsroom, Secure on an https site. */

/** The cookie's name. */
export const SESSION_COOKIE = 'masthead_newsroom'

/** The session token in a Cookie header, if any. */
export function sessionTokenFrom(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue
    const value = part.slice(eq + 1).trim()
    // Tokens are base64url; anything else is not ours.
    return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : undefined
  }
  return undefined
}

/**
 * The Set-Cookie value that stores `token` for `maxAgeSeconds`. Path=/newsroom keeps the cookie
 * off reader pages, so the public page cache never sees it.
 */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/newsroom',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ')
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure)
}
