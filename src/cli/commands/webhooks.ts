/** `masthead webhook add|list|remove|deliveries`: signed HTTP callbacks on publishing events. */

import { parseConfig } from '../../config.js'
import { WEBHOOK_EVENTS, type WebhookDelivery } from '../../integrations/index.js'
import { type Command, UsageError } from '../command.js'
import { parseOptions, wholeNumberOption } from '../parse-options.js'
import { withServices } from '../with-services.js'

const addHelp = `Usage: masthead webhook add URL --events EVENT[,EVENT…]

Subscribes an http(s) URL to events and prints the webhook's signing secret once: copy it now,
the receiver needs it to check the Masthead-Signature header (see docs/webhooks.md).

Events: ${WEBHOOK_EVENTS.join(', ')}

Options:
  --events LIST   comma-separated event names
  -h, --help      show this help`

const listHelp = `Usage: masthead webhook list

Lists the webhooks: id, status, events and URL. Secrets are never shown again.`

const removeHelp = `Usage: masthead webhook remove ID

Removes a webhook: its pending deliveries are cancelled and it receives nothing more. Its
delivery log stays.`

const deliveriesHelp = `Usage: masthead webhook deliveries [ID] [--limit N]

Shows the newest deliveries (of webhook ID, or of all): status, attempts, the last answer's
status code and duration, the last error and when the next attempt is due.

Options:
  --limit N     how many (1 to 1000, default 20)
  -h, --help    show this help`

const wantsHelp = (args: readonly string[]): boolean =>
  args.includes('--help') || args.includes('-h')

/** The leading positional argument (if any) and the options after it. */
function splitPositional(args: readonly string[]): [string | undefined, string[]] {
  const [first, ...rest] = args
  return first === undefined || first.startsWith('-') ? [undefined, [...args]] : [first, rest]
}

export const webhookAddCommand: Command = {
  name: 'webhook add',
  summary: 'Subscribe a URL to events (prints its secret once)',
  help: addHelp,
  run: async (args, output) => {
    if (wantsHelp(args)) {
      output.out(addHelp)
      return 0
    }
    const [url, rest] = splitPositional(args)
    if (url === undefined) throw new UsageError('webhook add needs a URL', addHelp)
    const values = parseOptions(rest, { events: { type: 'string' } }, addHelp)
    if (values?.events === undefined) throw new UsageError('webhook add needs --events', addHelp)
    const events = values.events.split(',')
    return withServices(parseConfig(output.env), async (services) => {
      const { webhook, secret } = await services.webhooks.add(url, events)
      output.out(`Created webhook ${webhook.id} for ${webhook.url} (${webhook.events.join(', ')}).`)
      output.out(`Signing secret (shown only this once): ${secret}`)
      return 0
    })
  },
}

const when = (at: Date | null): string => (at === null ? '-' : at.toISOString().slice(0, 19) + 'Z')

export const webhookListCommand: Command = {
  name: 'webhook list',
  summary: 'List webhooks',
  help: listHelp,
  run: async (args, output) => {
    if (parseOptions(args, {}, listHelp) === undefined) {
      output.out(listHelp)
      return 0
    }
    return withServices(parseConfig(output.env), async (services) => {
      const hooks = await services.webhooks.list()
      if (hooks.length === 0) {
        output.out('No webhooks yet: masthead webhook add URL --events … creates one.')
        return 0
      }
      output.out(['id'.padEnd(5), 'status'.padEnd(8), 'events'.padEnd(40), 'url'].join(' '))
      for (const hook of hooks) {
        output.out(
          [
            String(hook.id).padEnd(5),
            (hook.active ? 'active' : 'paused').padEnd(8),
            hook.events.join(',').padEnd(40),
            hook.url,
          ].join(' '),
        )
      }
      return 0
    })
  },
}

export const webhookRemoveCommand: Command = {
  name: 'webhook remove',
  summary: 'Remove a webhook (cancels its pending deliveries)',
  help: removeHelp,
  run: async (args, output) => {
    if (wantsHelp(args)) {
      output.out(removeHelp)
      return 0
    }
    const [ref, ...rest] = args
    if (ref === undefined || rest.length > 0)
      throw new UsageError('webhook remove needs one webhook id', removeHelp)
    return withServices(parseConfig(output.env), async (services) => {
      const hook = await services.webhooks.remove(ref)
      output.out(`Removed webhook ${hook.id} (${hook.url}).`)
      return 0
    })
  },
}

export const webhookDeliveriesCommand: Command = {
  name: 'webhook deliveries',
  summary: 'Show the webhook delivery log',
  help: deliveriesHelp,
  run: async (args, output) => {
    const [ref, rest] = splitPositional(args)
    const values = parseOptions(rest, { limit: { type: 'string' } }, deliveriesHelp)
    if (values === undefined) {
      output.out(deliveriesHelp)
      return 0
    }
    const limit =
      values.limit === undefined
        ? 20
        : wholeNumberOption('limit', values.limit, 1, 1000, deliveriesHelp)
    const webhookId =
      ref === undefined ? undefined : wholeNumberOption('id', ref, 1, 2 ** 31 - 1, deliveriesHelp)
    return withServices(parseConfig(output.env), async (services) => {
      const deliveries = await services.webhooks.deliveries({
        limit,
        ...(webhookId === undefined ? {} : { webhookId }),
      })
      if (deliveries.length === 0) {
        output.out('No deliveries yet.')
        return 0
      }
      output.out(
        [
          'id'.padEnd(7),
          'hook'.padEnd(5),
          'event'.padEnd(20),
          'status'.padEnd(10),
          'tries'.padEnd(5),
          'code'.padEnd(5),
          'ms'.padEnd(6),
          'next attempt'.padEnd(21),
          'last error',
        ].join(' '),
      )
      for (const d of deliveries) output.out(deliveryLine(d))
      return 0
    })
  },
}

function deliveryLine(d: WebhookDelivery): string {
  return [
    String(d.id).padEnd(7),
    String(d.webhookId).padEnd(5),
    d.event.padEnd(20),
    d.status.padEnd(10),
    String(d.attempts).padEnd(5),
    String(d.lastStatusCode ?? '-').padEnd(5),
    String(d.lastDurationMs ?? '-').padEnd(6),
    when(d.nextAttemptAt).padEnd(21),
    d.lastError ?? '-',
  ].join(' ')
}
