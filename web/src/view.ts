import type { Route } from './router.ts'

/** What a route renders: its element, and what to stop (stream subscriptions, timers) when the user leaves it. */
export interface View {
  element: HTMLElement
  dispose?: () => void
}

export type ViewFactory = (route: Route) => View
