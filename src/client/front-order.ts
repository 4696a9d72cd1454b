/**
 * Drag and drop for the front page's top stories. The Move up / Move down buttons stay (they are
 * the keyboard's way and work without JavaScript); a drop posts the whole new order to the same
 * screen's order form, then reloads the screen so it shows what the server holds.
 */

function start(): void {
  const list = document.querySelector<HTMLOListElement>('ol[data-front-order]')
  const url = list?.dataset.frontOrder
  if (list === null || list === undefined || url === undefined || url === '') return
  const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? ''
  const items = () => [...list.querySelectorAll<HTMLLIElement>(':scope > li[data-story-id]')]
  let dragged: HTMLLIElement | undefined

  for (const item of items()) {
    item.draggable = true
    item.classList.add('is-draggable')
    item.addEventListener('dragstart', (event) => {
      dragged = item
      item.classList.add('is-dragging')
      event.dataTransfer?.setData('text/plain', item.dataset.storyId ?? '')
      if (event.dataTransfer !== null) event.dataTransfer.effectAllowed = 'move'
    })
    item.addEventListener('dragend', () => {
      item.classList.remove('is-dragging')
      dragged = undefined
    })
    item.addEventListener('dragover', (event) => {
      if (dragged === undefined || dragged === item) return
      const box = item.getBoundingClientRect()
      const after = event.clientY > box.top + box.height / 2
      list.insertBefore(dragged, after ? item.nextSibling : item)
    })
  }
  // The list accepts the drop wherever the pointer is, the moved story itself included (it sits
  // under the pointer once moved): without preventDefault on dragover the browser refuses it.
  list.addEventListener('dragover', (event) => {
    if (dragged !== undefined) event.preventDefault()
  })
  list.addEventListener('drop', (event) => {
    if (dragged === undefined) return
    event.preventDefault()
    void send()
  })

  const send = async (): Promise<void> => {
    const order = items()
      .map((li) => li.dataset.storyId ?? '')
      .join(',')
    list.setAttribute('aria-busy', 'true')
    try {
      await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-csrf-token': token,
        },
        body: new URLSearchParams({ order }).toString(),
      })
    } finally {
      // Saved or refused, the screen shows the order the server now holds (and any refusal).
      window.location.assign('/newsroom/front?done=moved#top-stories')
    }
  }
}

start()
