/** `masthead api-key add|list|revoke`: keys for the Content API. */

import { parseConfig } from '../../config.js'
import { type Command, UsageError } from '../command.js'
import { parseOptions } from '../parse-options.js'
import { withServices } from '../with-services.js'

const addHelp = `Usage: masthead api-key add --name NAME

Creates a Content API key and prints it once: only a hash is stored, so copy it now. Clients
send it as "Authorization: Bearer <key>".

Options:
  --name NAME   who or what uses the key (1 to 100 characters), e.g. "iOS app"
  -h, --help    show this help`

const listHelp = `Usage: masthead api-key list

Lists every Content API key: id, prefix, name, when it was created and last used, and whether it
was revoked. Keys themselves are never shown again.`

const revokeHelp = `Usage: masthead api-key revoke ID|PREFIX

Revokes a key (by its id or the prefix "mh_…" shown by list). This process refuses it at once;
running servers within 30 seconds.`

export const apiKeyAddCommand: Command = {
  name: 'api-key add',
  summary: 'Create a Content API key (printed once)',
  help: addHelp,
  run: async (args, output) => {
    const values = parseOptions(args, { name: { type: 'string' } }, addHelp)
    if (values === undefined) {
      output.out(addHelp)
      return 0
    }
    if (values.name === undefined) throw new UsageError('api-key add needs --name', addHelp)
    const name = values.name
    return withServices(parseConfig(output.env), async (services) => {
      const { key, secret } = await services.apiKeys.add(name)
      output.out(`Created API key ${key.id} "${key.name}".`)
      output.out(`Key (shown only this once): ${secret}`)
      return 0
    })
  },
}

const when = (at: Date | null): string => (at === null ? '-' : at.toISOString().slice(0, 16) + 'Z')

export const apiKeyListCommand: Command = {
  name: 'api-key list',
  summary: 'List Content API keys',
  help: listHelp,
  run: async (args, output) => {
    if (parseOptions(args, {}, listHelp) === undefined) {
      output.out(listHelp)
      return 0
    }
    return withServices(parseConfig(output.env), async (services) => {
      const keys = await services.apiKeys.list()
      if (keys.length === 0) {
        output.out('No API keys yet: masthead api-key add --name NAME creates one.')
        return 0
      }
      output.out(
        [
          'id'.padEnd(5),
          'prefix'.padEnd(12),
          'created'.padEnd(18),
          'last used'.padEnd(18),
          'status'.padEnd(8),
          'name',
        ].join(' '),
      )
      for (const key of keys) {
        output.out(
          [
            String(key.id).padEnd(5),
            key.prefix.padEnd(12),
            when(key.createdAt).padEnd(18),
            when(key.lastUsedAt).padEnd(18),
            (key.revokedAt === null ? 'active' : 'revoked').padEnd(8),
            key.name,
          ].join(' '),
        )
      }
      return 0
    })
  },
}

export const apiKeyRevokeCommand: Command = {
  name: 'api-key revoke',
  summary: 'Revoke a Content API key',
  help: revokeHelp,
  run: async (args, output) => {
    if (args.includes('--help') || args.includes('-h')) {
      output.out(revokeHelp)
      return 0
    }
    const [ref, ...rest] = args
    if (ref === undefined || rest.length > 0)
      throw new UsageError('api-key revoke needs one key id or prefix', revokeHelp)
    return withServices(parseConfig(output.env), async (services) => {
      const key = await services.apiKeys.revoke(ref)
      output.out(`Revoked API key ${key.id} "${key.name}" (${key.prefix}…).`)
      return 0
    })
  },
}
