import { h } from '../dom.ts'

/** Text a user pastes elsewhere (a URL, a script), with a Copy button. */
export function copyBlock (text: string, label: string): HTMLElement {
  const pre = h('pre', { class: 'copy-text', 'aria-label': label }, text)
  const button = h('button', { type: 'button', class: 'small copy' }, 'Copy')
  button.addEventListener('click', () => {
    copyText(text, pre).then(() => { button.textContent = 'Copied' }, () => { button.textContent = 'Select and copy' })
    setTimeout(() => { button.textContent = 'Copy' }, 2000)
  })
  return h('div', { class: 'copy-block' }, pre, button)
}

/** navigator.clipboard needs a secure context (https or localhost); elsewhere the text is selected for Ctrl+C. */
async function copyText (text: string, element: HTMLElement): Promise<void> {
  if (navigator.clipboard !== undefined && window.isSecureContext) {
    await navigator.clipboard.writeText(text)
    return
  }
  const range = document.createRange()
  range.selectNodeContents(element)
  getSelection()?.removeAllRanges()
  getSelection()?.addRange(range)
  throw new Error('selected for manual copy')
}
