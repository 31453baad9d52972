// Every value from the API reaches the page through createTextNode or setAttribute, never through innerHTML: an order
// field is whatever a sender posted, and `<img src=x onerror=...>` must show as those characters.

export type Child = Node | string | number | null | undefined | false
type Listener = (event: Event) => void

export interface Props {
  class?: string
  on?: Record<string, Listener>
  [attribute: string]: string | number | boolean | undefined | Record<string, Listener>
}

export function h<K extends keyof HTMLElementTagNameMap> (tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  applyProps(element, props)
  append(element, ...children)
  return element
}

const SVG_NS = 'http://www.w3.org/2000/svg'

export function svg<K extends keyof SVGElementTagNameMap> (tag: K, props: Props = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag)
  applyProps(element, props)
  append(element, ...children)
  return element
}

export function append (parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child)
  }
}

export function replaceChildren (parent: Element, ...children: Child[]): void {
  parent.replaceChildren()
  append(parent, ...children)
}

function applyProps (element: Element, props: Props): void {
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue
    if (name === 'on') {
      for (const [type, listener] of Object.entries(value as Record<string, Listener>)) element.addEventListener(type, listener)
    } else if (/^on/i.test(name)) {
      throw new Error(`event handler attributes are not allowed (${name}); use the on property`)
    } else if (name === 'href' && typeof value === 'string') {
      element.setAttribute('href', safeHref(value))
    } else {
      element.setAttribute(name, value === true ? '' : String(value))
    }
  }
}

/** Links come from order data (carrier tracking URLs): only http(s) and in-app links, never `javascript:`. */
export function safeHref (value: string): string {
  if (value.startsWith('#') || value.startsWith('/')) return value
  return /^https?:\/\//i.test(value) ? value : '#'
}
