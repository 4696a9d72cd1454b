/** The in-process bus: handlers in order, failures reported, scopes for events from elsewhere, gaps. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createInProcessBus } from '../../../src/infra/bus/in-process.js'

const picks = { list: 'home' }

describe('in-process bus', () => {
  test('a local publish runs every handler; an event from elsewhere only each-process ones', async () => {
    const bus = createInProcessBus({
      onHandlerError: (_event, error) => assert.fail(String(error)),
    })
    const ran: string[] = []
    bus.subscribe('picks.changed', () => void ran.push('memory'))
    bus.subscribe('picks.changed', () => void ran.push('shared'), { runsOn: 'publishing-process' })
    await bus.publish('picks.changed', picks)
    assert.deepEqual(ran, ['memory', 'shared'])
    ran.length = 0
    await bus.deliverRemote('picks.changed', picks)
    assert.deepEqual(ran, ['memory'])
  })

  test('a failing handler or gap listener is reported and the others still run', async () => {
    const reported: string[] = []
    const bus = createInProcessBus({ onHandlerError: (event) => void reported.push(event) })
    const ran: string[] = []
    bus.subscribe('picks.changed', () => {
      throw new Error('boom')
    })
    bus.subscribe('picks.changed', () => void ran.push('after'))
    bus.onGap(() => {
      throw new Error('gap boom')
    })
    const stop = bus.onGap(() => void ran.push('gap'))
    await bus.publish('picks.changed', picks)
    await bus.signalGap()
    stop()
    await bus.signalGap()
    assert.deepEqual(ran, ['after', 'gap'])
    assert.deepEqual(reported, ['picks.changed', 'bus.gap', 'bus.gap'])
  })
})
