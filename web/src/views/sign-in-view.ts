import { ApiError } from '../api.ts'
import { h } from '../dom.ts'
import { signIn } from '../session.ts'
import type { View } from '../view.ts'

/**
 * Shown when the API answers 401 while the dashboard is open (the sign-in expired, or the token was changed). The
 * server's own message says how access works: a token, or this machine only.
 */
export function signInView (serverMessage: string, onSignedIn: () => void): View {
  const input = h('input', { type: 'password', name: 'token', autocomplete: 'current-password', required: true, placeholder: 'ROMS_API_TOKEN', 'aria-label': 'API token' })
  const problem = h('p', { class: 'error', role: 'alert' })
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in')
  const form = h('form', { class: 'sign-in-form' }, input, button, problem)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const token = input.value.trim()
    if (token === '') return
    button.disabled = true
    problem.textContent = ''
    signIn(token).then(onSignedIn, (error: unknown) => {
      button.disabled = false
      problem.textContent = error instanceof ApiError ? error.message : String(error)
    })
  })
  const element = h('section', { class: 'sign-in card' },
    h('h1', {}, 'Sign in to ROMS'),
    h('p', { class: 'muted' }, serverMessage),
    h('p', {}, 'Paste the API token (the ROMS_API_TOKEN setting of this server). This browser keeps a sign-in cookie, never the token.'),
    form
  )
  queueMicrotask(() => input.focus())
  return { element }
}
