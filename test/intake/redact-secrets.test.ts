import { describe, expect, it } from 'vitest'
import { redactJsonText, redactSecretText, scrubSecrets } from '../../src/intake/redact-secrets.ts'

describe('redactSecretText', () => {
  it.each([
    ['john@example.com:hunter2', 'john@example.com:[redacted]'],
    ['Account: ||john@example.com:hunter2||', 'Account: ||john@example.com:[redacted]||'],
    ['**john@example.com;Secret1**', '**john@example.com;[redacted]**'],
    ['john@example.com | p@ss:word', 'john@example.com | [redacted]'],
    ['Account: john@example.com:hunter2 | Size: 10', 'Account: john@example.com:[redacted] | Size: 10']
  ])('replaces the password of the login in %j', (text, redacted) => {
    expect(redactSecretText(text)).toBe(redacted)
  })

  it.each([
    'Email: john@example.com | Size: 10',
    'john@example.com;jane@example.com',
    'john@example.com',
    'Email: ||john@example.com||',
    'john@example.com:[redacted]',
    'Proxy: 10.0.0.1:8080:user:pass',
    'Proxy: http://user:pass@10.0.0.1:8080',
    'user:pass@proxy.example.com:8080',
    'not an address: but text'
  ])('leaves %j as it is: no password there', (text) => {
    expect(redactSecretText(text)).toBe(text)
  })
})

describe('redactJsonText', () => {
  it('rewrites only the string that holds a login, keeping every other byte as sent', () => {
    const text = '{"id":12345678901234567890,"url":"https:\\/\\/x.test","email":"a@b.com:p\\u00e4ss","n":"\\u00e9"}'
    expect(redactJsonText(text)).toBe('{"id":12345678901234567890,"url":"https:\\/\\/x.test","email":"a@b.com:[redacted]","n":"\\u00e9"}')
  })

  it('redacts a login inside JSON sent as a string of another body', () => {
    const inner = JSON.stringify({ embeds: [{ fields: [{ name: 'Account', value: 'a@b.com:hunter2' }] }] })
    expect(JSON.parse(JSON.parse(redactJsonText(JSON.stringify({ payload_json: inner }))).payload_json)).toEqual({ embeds: [{ fields: [{ name: 'Account', value: 'a@b.com:[redacted]' }] }] })
  })
})

describe('scrubSecrets', () => {
  it('redacts the value of every key and bot field that names a password or a card code, however nested', () => {
    const body = {
      order_number: 'P-1',
      password: 'gen-pass',
      accountPassword: 12345,
      login: { user: 'a@b.com', pass: 'nested-pass' },
      embeds: [{ fields: [{ name: '🔑 Password', value: '||Hunter2!||' }, { name: 'CVV', value: '123' }, { name: 'Size', value: '10' }], description: '**Email:** a@b.com\n**Password:** desc-pass\nSize: 10 | Pass: seg-pass' }],
      attachments: [{ fields: [{ title: 'Account Password', value: 'slack-pass' }] }],
      cvv_result_code: 'M',
      password_reset_url: 'https://x.test/reset',
      has_password: true,
      proxy_list: 'http://user:proxypass@10.0.0.1:8080'
    }
    const scrubbed = scrubSecrets(body)
    expect(scrubbed.found).toBe(true)
    expect(scrubbed.value).toEqual({
      ...body,
      password: '[redacted]',
      accountPassword: '[redacted]',
      login: { user: 'a@b.com', pass: '[redacted]' },
      embeds: [{ fields: [{ name: '🔑 Password', value: '[redacted]' }, { name: 'CVV', value: '[redacted]' }, { name: 'Size', value: '10' }], description: '**Email:** a@b.com\n**Password:** [redacted]\nSize: 10 | Pass: [redacted]' }],
      attachments: [{ fields: [{ title: 'Account Password', value: '[redacted]' }] }]
    })
    expect([...scrubbed.values].sort()).toEqual(['123', '12345', 'Hunter2!', 'gen-pass', 'nested-pass', 'slack-pass'].sort().map((v) => v === 'Hunter2!' ? '||Hunter2!||' : v).sort())
  })

  it('hands back the same object when there is nothing to redact', () => {
    const body = { order_number: 'P-2', email: 'a@b.com', product: 'Dunk' }
    expect(scrubSecrets(body)).toMatchObject({ value: body, found: false })
  })
})

describe('hostile text', () => {
  it.each([
    ['a long run of labels after an @', `x@${'a.'.repeat(30000)}`],
    ['a long run of @', `${'a@'.repeat(30000)}b.c:x`],
    ['markup closers after a login', `a@b.com:x${'*'.repeat(40000)}`]
  ])('is scanned in linear time: %s', (_name, text) => {
    const started = performance.now()
    redactSecretText(text)
    // Backtracking took 27 s on the first of these; the scan takes milliseconds.
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
