import './styles.css'
import { onUnauthorized } from './api.ts'
import { currentRoute, type Route } from './router.ts'
import { buildShell } from './shell.ts'
import { connectStream, disconnectStream } from './stream.ts'
import type { View, ViewFactory } from './view.ts'
import { deliveriesView } from './views/deliveries-view.ts'
import { emailsView } from './views/emails-view.ts'
import { orderView } from './views/order-view.ts'
import { ordersView } from './views/orders-view.ts'
import { overviewView } from './views/overview-view.ts'
import { setupView } from './views/setup-view.ts'
import { signInView } from './views/sign-in-view.ts'

const shell = buildShell()
let current: View | undefined
let signingIn = false

function pickView (route: Route): ViewFactory {
  const [section, id] = route.segments
  if (section === 'orders' && id !== undefined) return orderView
  if (section === 'orders') return ordersView
  if (section === 'deliveries') return deliveriesView
  if (section === 'emails') return emailsView
  if (section === 'setup') return setupView
  return overviewView
}

function show (view: View): void {
  current?.dispose?.()
  current = view
  shell.main.replaceChildren(view.element)
}

function render (): void {
  if (signingIn) return
  const route = currentRoute()
  shell.select(route.segments[0] ?? '')
  show(pickView(route)(route))
}

onUnauthorized((error) => {
  if (signingIn) return
  signingIn = true
  disconnectStream()
  shell.select('')
  show(signInView(error.message, () => {
    signingIn = false
    connectStream()
    render()
  }))
})

document.body.replaceChildren(shell.root)
window.addEventListener('hashchange', render)
connectStream()
render()
