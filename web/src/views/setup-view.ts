import { h } from '../dom.ts'
import { readSession, signOut } from '../session.ts'
import type { View } from '../view.ts'
import { copyBlock } from './copy-block.ts'
import { schemesTable } from './schemes-table.ts'
import { fetchSignatureHelp, type SignatureHelp, withOrigin } from './signature-help.ts'
import { sendTestOrder } from './test-order.ts'

/** Everything needed to connect a sender: the URL to paste, how to sign, examples and a test delivery. */
export function setupView (): View {
  const webhookUrl = `${location.origin}/api/v2/webhooks/orders`
  const help = h('div', {}, h('p', { class: 'muted' }, 'Loading…'))
  const testArea = h('div', { class: 'test-order' })
  const element = h('section', { class: 'setup-view' },
    h('h1', {}, 'Setup'),
    h('div', { class: 'card' },
      h('h2', {}, 'Webhook URL'),
      h('p', {}, 'Paste this into your bot, store or script as the webhook (or "Discord webhook") URL:'),
      copyBlock(webhookUrl, 'Webhook URL'),
      isLoopback() ? h('p', { class: 'muted' }, 'This address only works on this machine. Senders elsewhere need the server\'s public address (a reverse proxy or tunnel in front of ROMS).') : ''
    ),
    help,
    h('div', { class: 'card' }, h('h2', {}, 'Send a test order'), testArea),
    accessCard()
  )
  fetchSignatureHelp().then((data) => {
    help.replaceChildren(signatureCard(data, webhookUrl), examplesCard(data))
    testArea.replaceChildren(testOrderForm(webhookUrl, data.signature_required))
  }, (error: unknown) => {
    help.replaceChildren(h('p', { class: 'error' }, `Could not load the signature settings: ${String(error)}`))
    testArea.replaceChildren(testOrderForm(webhookUrl, false))
  })
  return { element }
}

function signatureCard (data: SignatureHelp, webhookUrl: string): HTMLElement {
  const urlToken = data.schemes.url_token
  return h('div', { class: 'card' },
    h('h2', {}, 'Signatures'),
    h('p', {}, data.signature_required
      ? `Deliveries to the URL above must be signed: ${data.algorithm}, in the ${data.header} header.`
      : 'No WEBHOOK_SECRET is set: unsigned deliveries to the URL above are accepted.'),
    h('p', { class: 'muted' }, data.important),
    schemesTable(data.schemes),
    urlToken?.configured === true
      ? h('div', {}, h('p', {}, 'For senders that cannot sign (checkout bots), paste the URL with your WEBHOOK_URL_TOKEN instead:'),
        copyBlock(`${webhookUrl}/<WEBHOOK_URL_TOKEN>`, 'Webhook URL with token'))
      : ''
  )
}

function examplesCard (data: SignatureHelp): HTMLElement {
  const names: Record<string, string> = { python: 'Python', node: 'Node.js', curl: 'curl' }
  return h('div', { class: 'card' },
    h('h2', {}, 'Examples'),
    ...Object.entries(data.examples).map(([name, code]) => h('details', { class: 'example', open: name === 'curl' },
      h('summary', {}, names[name] ?? name),
      copyBlock(withOrigin(code, location.origin), `${names[name] ?? name} example`)
    ))
  )
}

function testOrderForm (webhookUrl: string, signatureRequired: boolean): HTMLElement {
  const secret = h('input', { type: 'password', name: 'secret', autocomplete: 'off', placeholder: 'WEBHOOK_SECRET', 'aria-label': 'Webhook secret' })
  const button = h('button', { type: 'submit', class: 'primary', 'data-testid': 'send-test-order' }, 'Send a test order')
  const result = h('div', { role: 'status' })
  const canSign = globalThis.crypto?.subtle !== undefined
  const form = h('form', {},
    h('p', {}, 'Posts an order numbered TEST-… to the webhook URL, as a sender would. It appears in Orders like any other order.'),
    signatureRequired && canSign ? h('label', {}, 'Secret, to sign the test in this browser (it is not stored or sent): ', secret) : '',
    signatureRequired && !canSign ? h('p', { class: 'error' }, 'Signing needs a secure page (https or localhost); use one of the examples instead.') : '',
    button, result)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    button.disabled = true
    sendTestOrder(webhookUrl, signatureRequired ? secret.value : '').then(
      (answer) => result.replaceChildren(answer),
      (error: unknown) => result.replaceChildren(h('p', { class: 'notice error' }, String(error)))
    ).finally(() => { button.disabled = false })
  })
  return form
}

function accessCard (): HTMLElement {
  const text = h('p', {}, 'Checking…')
  const signOutButton = h('button', { type: 'button', class: 'small', hidden: true }, 'Sign out')
  signOutButton.addEventListener('click', () => {
    signOut().then(() => location.reload(), (error: unknown) => { text.textContent = `Could not sign out: ${String(error)}` })
  })
  readSession().then((session) => {
    text.textContent = session.token_required
      ? 'ROMS_API_TOKEN is set: the API needs the token, and this browser is signed in with it.'
      : 'No ROMS_API_TOKEN is set: only this machine is served. Set one to open the dashboard from elsewhere.'
    signOutButton.hidden = !session.signed_in
  }, (error: unknown) => { text.textContent = String(error) })
  return h('div', { class: 'card' }, h('h2', {}, 'Access'), text, signOutButton)
}

function isLoopback (): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname)
}
