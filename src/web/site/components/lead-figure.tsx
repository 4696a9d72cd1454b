/** The lead photo of a story with its caption and credit, loaded first. */

import type { Photo } from '../../../media/index.js'
import type { SafeHtml } from '../../render/html.js'
import { Picture } from './picture.js'

/** The `sizes` of the lead photo: the story column on wide screens, the viewport on phones. */
export const LEAD_PHOTO_SIZES = '(min-width: 1100px) 720px, (min-width: 760px) 90vw, 100vw'

/** A `<figure>` with the lead photo (eager, high priority) and "caption. Photo: credit". */
export function LeadFigure({ photo }: { photo: Photo }): SafeHtml {
  const caption = photo.caption.trim()
  const credit = photo.credit.trim()
  return (
    <figure class="lead-photo">
      <Picture photo={photo} sizes={LEAD_PHOTO_SIZES} fallbackWidth={800} priority />
      {caption === '' && credit === '' ? null : (
        <figcaption>
          {caption}
          {caption !== '' && credit !== '' ? ' ' : null}
          {credit === '' ? null : <span class="credit">Photo: {credit}</span>}
        </figcaption>
      )}
    </figure>
  )
}
