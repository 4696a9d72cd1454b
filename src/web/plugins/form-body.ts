/** Parses application/x-www-form-urlencoded bodies (HTML forms) into a plain object. */

import fp from 'fastify-plugin'

export interface FormBodyOptions {
  /** The largest form body read, in bytes; larger bodies answer 413 BODY_TOO_LARGE. */
  bodyLimit: number
}

/** Adds the form parser: repeated names become arrays, the rest plain strings. */
export const formBodyPlugin = fp<FormBodyOptions>(
  async (app, { bodyLimit }) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit },
      (_request, body, done) => {
        const form: Record<string, string | string[]> = Object.create(null) as Record<
          string,
          string | string[]
        >
        for (const [name, value] of new URLSearchParams(body as string)) {
          const previous = form[name]
          if (previous === undefined) form[name] = value
          else if (Array.isArray(previous)) previous.push(value)
          else form[name] = [previous, value]
        }
        done(null, form)
      },
    )
  },
  { name: 'masthead-form-body' },
)
