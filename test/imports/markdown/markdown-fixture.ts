/** A folder of Markdown stories written for these tests (our own text), as static-site generators lay them out. */

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const MARKDOWN_FILES: Record<string, string | Buffer> = {
  'posts/2024-03-05-bridge-reopens.md': `---
title: "Old bridge reopens after \\"long\\" repairs"
dek: Traffic returns to the river crossing on Monday.
section: Local News
tags: [transport, "roads, bridges", 'river']
author: Mira Santos
date: 2024-03-05 14:30
updated: 2024-03-06T08:00:00+02:00
aliases:
  - /2024/03/bridge-reopens/
  - /news/bridge.html
---
The **bridge** reopens on Monday.

It was closed for eight months.
`,
  'posts/rain/index.md': `---
# Hugo page bundle: the folder names the story
title: 'Rain warning for the weekend'
description: >
  Forecasters expect heavy
  rain on Saturday.
categories:
  - Weather
  - Local News
tags: weather, storms
authors: [Mira Santos, Jon Okafor]
date: 2024-04-01
draft: true
---
Bring an umbrella.
`,
  'posts/rain/map.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  'notes/no-title.md': `---
section: Opinion
date: 2024-01-02
---
Untitled thoughts.
`,
  'notes/bad-date.md': `---
title: Market day moves
date: 2024-02-30
---
Text.
`,
  'notes/plain.md': '# Just a heading\n\nNo front matter here.\n',
  'notes/unclosed.md': '---\ntitle: Never closed\n\nBody\n',
  'notes/latin1.md': Buffer.concat([
    Buffer.from('---\ntitle: Caf'),
    Buffer.from([0xe9]),
    Buffer.from('\n---\nText\n'),
  ]),
  '.git/config': '[core]\n',
  'README.txt': 'Not a story.\n',
}

/** Writes MARKDOWN_FILES (or `files`) into a new temp folder and returns its path. */
export function writeMarkdownFolder(
  files: Record<string, string | Buffer> = MARKDOWN_FILES,
): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-md-'))
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name)
    fs.mkdirSync(path.dirname(full), { recursive: true })
    fs.writeFileSync(full, content)
  }
  return root
}
