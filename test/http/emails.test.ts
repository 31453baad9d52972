import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { fixture } from '../email/support/order-state.ts'

for (const kind of testDatabases()) {
  describe(`the email API (${kind})`, () => {
    let t: TestApp
    beforeEach(async () => { t = await buildTestApp(kind) })
    afterEach(async () => { await t.close() })

    const post = async (body: Buffer | string, contentType = 'message/rfc822') =>
      await t.app.inject({ method: 'POST', url: '/api/v2/emails', payload: body, headers: { 'content-type': contentType } })

    it('applies a posted message/rfc822 email and answers what came of it', async () => {
      const response = await post(fixture('snipes-shipping-dhl'))
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({
        success: true, status: 'applied', action: 'created', kind: 'shipping', retailer: 'snipes', order_number: 'SNP20250311', problems: []
      })
      expect(typeof response.json().email_id).toBe('number')
      expect(typeof response.json().order_id).toBe('number')
    })

    it('reads the same bytes sent as text/plain or application/octet-stream, and answers a repeat as a duplicate', async () => {
      const raw = fixture('gamestop-confirmation')
      const first = (await post(raw, 'text/plain; charset=utf-8')).json()
      const again = await post(raw, 'application/octet-stream')
      expect(again.statusCode).toBe(200)
      expect(again.json()).toMatchObject({ status: 'duplicate', email_id: first.email_id, order_id: first.order_id })
    })

    it('names what it takes when refusing another content type', async () => {
      const response = await post('{}', 'application/json')
      expect(response.statusCode).toBe(415)
      expect(response.json().error).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'this endpoint takes the whole email as message/rfc822 (or text/plain, application/octet-stream), not application/json'
      })
      const form = await post(fixture('supreme-shipping'), 'application/x-www-form-urlencoded')
      expect(form.json().error.message).toContain('not application/x-www-form-urlencoded')
    })

    it('reads a gzip-encoded email as the email', async () => {
      const response = await t.app.inject({
        method: 'POST', url: '/api/v2/emails', payload: gzipSync(fixture('snipes-shipping-dhl')), headers: { 'content-type': 'message/rfc822', 'content-encoding': 'gzip' }
      })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({ status: 'applied', kind: 'shipping', order_number: 'SNP20250311' })
    })

    it('refuses an mbox file of several emails instead of applying only the first', async () => {
      const mbox = Buffer.concat([
        Buffer.from('From MAILER-DAEMON Mon Nov 30 09:00:00 2026\n'), fixture('nike-confirmation'),
        Buffer.from('\nFrom MAILER-DAEMON Mon Nov 30 10:00:00 2026\n'), fixture('nike-delivered')
      ])
      const response = await post(mbox)
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toMatchObject({ code: 'INVALID_PAYLOAD', message: expect.stringContaining('an mbox file of 2 emails') })
      expect((await t.app.inject({ method: 'GET', url: '/api/v2/emails' })).json().emails).toEqual([])
    })

    it('refuses an Outlook .msg file instead of keeping its bytes as an unreadable email', async () => {
      const msg = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512, 0)])
      const response = await post(msg, 'application/octet-stream')
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toMatchObject({ code: 'INVALID_PAYLOAD', message: expect.stringContaining('an Outlook .msg file') })
      expect((await t.app.inject({ method: 'GET', url: '/api/v2/emails' })).json().emails).toEqual([])
    })

    it('refuses other content types, an empty body and a body over the limit', async () => {
      expect((await post('{}', 'application/json')).statusCode).toBe(415)
      const empty = await post('', 'message/rfc822')
      expect(empty.statusCode).toBe(400)
      expect(empty.json().error.code).toBe('EMPTY_BODY')
      expect((await post(Buffer.alloc(t.config.bodyLimit + 1, 'a'))).statusCode).toBe(413)
    })

    it('lists kept emails newest first with a cursor, shows one with its message, and re-runs it', async () => {
      const newsletter = fixture('generic-newsletter-unmatched')
      const kept = []
      for (const n of [1, 2, 3]) {
        const raw = Buffer.from(newsletter.toString('utf8').replace(/^Message-ID:.*$/mi, `Message-ID: <news-${n}@shop.example>`))
        kept.push((await post(raw)).json().email_id as number)
      }
      await post(fixture('target-confirmation'))

      const page = await t.app.inject({ url: '/api/v2/emails?status=unmatched&limit=2' })
      expect(page.statusCode).toBe(200)
      expect(page.json().emails.map((e: { id: number }) => e.id)).toEqual([kept[2], kept[1]])
      expect(page.json().emails[0]).toMatchObject({ status: 'unmatched', via: 'api', problems: expect.arrayContaining(['no order number found']) })
      expect(page.json().emails[0].raw).toBeUndefined()
      const next = await t.app.inject({ url: `/api/v2/emails?status=unmatched&limit=2&before=${page.json().next_before as number}` })
      expect(next.json()).toMatchObject({ count: 1, next_before: null })
      const review = await t.app.inject({ url: '/api/v2/emails?status=unmatched,failed' })
      expect(review.json().emails.map((e: { id: number }) => e.id)).toEqual([kept[2], kept[1], kept[0]])
      expect((await t.app.inject({ url: '/api/v2/emails?status=applied' })).json().count).toBe(1)
      expect((await t.app.inject({ url: '/api/v2/emails?status=unmatched,bogus' })).statusCode).toBe(400)

      const one = await t.app.inject({ url: `/api/v2/emails/${kept[0] ?? 0}` })
      expect(one.json().email).toMatchObject({ id: kept[0], raw_encoding: 'utf8', message_id: '<news-1@shop.example>' })
      expect(one.json().email.raw).toContain('Message-ID: <news-1@shop.example>')

      const rerun = await t.app.inject({ method: 'POST', url: `/api/v2/emails/${kept[0] ?? 0}/rerun` })
      expect(rerun.statusCode).toBe(200)
      expect(rerun.json()).toMatchObject({ success: true, email_id: kept[0], status: 'unmatched' })
    })

    it('answers 404 for an unknown email and 409 when re-running an applied one', async () => {
      expect((await t.app.inject({ url: '/api/v2/emails/999' })).statusCode).toBe(404)
      const applied = (await post(fixture('supreme-shipping'))).json()
      const rerun = await t.app.inject({ method: 'POST', url: `/api/v2/emails/${applied.email_id as number}/rerun` })
      expect(rerun.statusCode).toBe(409)
      expect(rerun.json().error.code).toBe('EMAIL_ALREADY_APPLIED')
    })

    it('is an admin endpoint: with an API token set, a request without it is refused', async () => {
      const guarded = await buildTestApp(kind, { ROMS_API_TOKEN: 'a'.repeat(32) })
      try {
        expect((await guarded.app.inject({ url: '/api/v2/emails' })).statusCode).toBe(401)
        const posted = await guarded.app.inject({ method: 'POST', url: '/api/v2/emails', payload: fixture('supreme-shipping'), headers: { 'content-type': 'message/rfc822' } })
        expect(posted.statusCode).toBe(401)
        const allowed = await guarded.app.inject({ url: '/api/v2/emails', headers: { authorization: `Bearer ${'a'.repeat(32)}` } })
        expect(allowed.statusCode).toBe(200)
      } finally {
        await guarded.close()
      }
    })
  })
}
