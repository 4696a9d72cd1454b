/** The error a post's body raises when its Mobiledoc or Lexical cannot be read. */

/** A body that cannot be read: the post is reported with this reason, the run goes on. */
export class GhostBodyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GhostBodyError'
  }
}
