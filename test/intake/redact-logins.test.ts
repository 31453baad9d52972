import { describe, expect, it } from 'vitest'
import { redactJsonText, redactLoginText } from '../../src/intake/redact-logins.ts'

describe('redactLoginText', () => {
  it.each([
    ['john@example.com:hunter2', 'john@example.com:[redacted]'],
    ['Account: ||john@example.com:hunter2||', 'Account: ||john@example.com:[redacted]||'],
    ['**john@example.com;Secret1**', '**john@example.com;[redacted]**'],
    ['john@example.com | p@ss:word', 'john@example.com | [redacted]'],
    ['Account: john@example.com:hunter2 | Size: 10', 'Account: john@example.com:[redacted] | Size: 10']
  ])('replaces the password of the login in %j', (text, redacted) => {
    expect(redactLoginText(text)).toBe(redacted)
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
    expect(redactLoginText(text)).toBe(text)
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
