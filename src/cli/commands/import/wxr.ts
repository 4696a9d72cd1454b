/** `masthead import wxr FILE`: a WordPress export (Tools → Export, WXR 1.1 or 1.2). */

import { openWxr } from '../../../imports/index.js'
import { type ImportFormat, importCommand } from './import-command.js'

const wxrFormat: ImportFormat = {
  name: 'wxr',
  summary: 'Import a WordPress export (WXR file)',
  input: 'FILE',
  about: `Imports a WordPress export file (WXR 1.1 or 1.2, from Tools → Export), read as a stream
(files of any size). Posts become stories (drafts stay drafts), their first category their
section, their tags tags, their authors bylines; image attachments become photos when their
files are in --media DIR (by their uploads path, e.g. 2019/05/quay.jpg) or can be downloaded
within 5 seconds. Pages, menu items, revisions, other post types, trashed posts and
attachments that are no images are skipped and listed. The post's address and its /?p=ID
become redirects to the story.`,
  open: async (path) => openWxr(path),
}

export const importWxrCommand = importCommand(wxrFormat)
