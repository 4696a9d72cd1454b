/** introducePeople: full name and role at the first mention, surname afterwards. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { introducePeople } from '../../../src/demo/text/person-mentions.js'

const FRAME = {
  official: 'Amara Lindahl',
  officialRole: 'the harbour master',
  officialLast: 'Lindahl',
  voice: 'Kenji Okonkwo',
  voiceRole: 'a ferry commuter',
  voiceLast: 'Okonkwo',
}

describe('introducePeople', () => {
  test('names someone in full once, then by surname, dropping the role’s commas', () => {
    const text = '§V§, §VR§, said no. Later §V§, §VR§, said yes. “Fine,” said §V§, §VR§.'
    assert.equal(
      introducePeople(text, FRAME),
      'Kenji Okonkwo, a ferry commuter, said no. Later Okonkwo said yes. “Fine,” said Okonkwo.',
    )
  })

  test('a surname before any full mention becomes the full introduction', () => {
    assert.equal(
      introducePeople('§OL§ added that it was late. §OL§ left.', FRAME),
      'Amara Lindahl, the harbour master, added that it was late. Lindahl left.',
    )
    assert.equal(
      introducePeople('It was said by §OL§.', FRAME),
      'It was said by Amara Lindahl, the harbour master.',
    )
  })
})
