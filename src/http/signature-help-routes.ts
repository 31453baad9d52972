import type { FastifyInstance } from 'fastify'
import type { SecretLists } from '../config.ts'
import { requestOrigin } from './request-origin.ts'

// The setup guide's own examples, kept word for word except for its address, which becomes the one the request reached:
// a user copying them from a server on another port or behind a domain gets a URL that works.
const GUIDE_ORIGIN = 'http://localhost:8001'
const PYTHON_EXAMPLE = `import hmac
import hashlib
import json
import requests

# Your payload
payload = {
    "order_number": "12345",
    "product": "Nike Shoes",
    "price": 99.99
}

# Convert to JSON string
payload_string = json.dumps(payload)

# Your secret (set in backend-v2/.env)
secret = "your-webhook-secret"

# Generate signature
signature = hmac.new(
    secret.encode(),
    payload_string.encode(),
    hashlib.sha256
).hexdigest()

# Send request
headers = {
    "Content-Type": "application/json",
    "X-Webhook-Signature": signature
}

response = requests.post(
    "http://localhost:8001/api/v2/webhooks/orders",
    json=payload,
    headers=headers
)`

const NODE_EXAMPLE = `const crypto = require('crypto');
const axios = require('axios');

const payload = {
    order_number: "12345",
    product: "Nike Shoes",
    price: 99.99
};

const payloadString = JSON.stringify(payload);
const secret = "your-webhook-secret";

const signature = crypto
    .createHmac('sha256', secret)
    .update(payloadString)
    .digest('hex');

axios.post('http://localhost:8001/api/v2/webhooks/orders', payload, {
    headers: {
        'Content-Type': 'application/json',
        'X-Webhook-Signature': signature
    }
});`

const CURL_EXAMPLE = `SECRET="your-webhook-secret"
PAYLOAD='{"order_number":"12345","product":"Nike Shoes","price":99.99}'
SIGNATURE=$(echo -n "$PAYLOAD" | openssl dgst -sha256 -hmac "$SECRET" | cut -d' ' -f2)

curl -X POST http://localhost:8001/api/v2/webhooks/orders \\
  -H "Content-Type: application/json" \\
  -H "X-Webhook-Signature: $SIGNATURE" \\
  -d "$PAYLOAD"`

/** How to sign, for every scheme, and which ones this server has a secret for; never a secret itself. */
export function registerSignatureHelpRoutes (app: FastifyInstance, secrets: SecretLists): void {
  app.get('/api/v2/webhooks/signature-help', {
    schema: { summary: 'How to sign deliveries, and which schemes are configured', tags: ['webhooks'] }
  }, async (request) => {
    const origin = requestOrigin(request)
    const atOrigin = (example: string): string => example.replaceAll(GUIDE_ORIGIN, origin)
    return {
      signature_required: secrets.webhook.length > 0,
      secret_configured: secrets.webhook.length > 0,
      header: 'X-Webhook-Signature',
      algorithm: 'HMAC-SHA256 of the raw request body, hex-encoded (an optional "sha256=" prefix is accepted)',
      important: 'Sign the exact bytes you send. Re-serialising the JSON after signing changes the bytes and the signature fails.',
      webhook_url: `${origin}/api/v2/webhooks/orders`,
      examples: { python: atOrigin(PYTHON_EXAMPLE), node: atOrigin(NODE_EXAMPLE), curl: atOrigin(CURL_EXAMPLE) },
      schemes: {
        roms: {
          configured: secrets.webhook.length > 0,
          setting: 'WEBHOOK_SECRET',
          header: 'X-Webhook-Signature',
          signature: 'hex(HMAC-SHA256(secret, body))'
        },
        shopify: {
          configured: secrets.shopify.length > 0,
          setting: 'SHOPIFY_WEBHOOK_SECRET',
          header: 'X-Shopify-Hmac-Sha256',
          signature: 'base64(HMAC-SHA256(app or store webhook signing key, body))'
        },
        woocommerce: {
          configured: secrets.woocommerce.length > 0,
          setting: 'WOOCOMMERCE_WEBHOOK_SECRET',
          header: 'X-WC-Webhook-Signature',
          signature: 'base64(HMAC-SHA256(webhook secret, body)); the unsigned ping sent when a webhook is saved is answered 200'
        },
        standard_webhooks: {
          configured: secrets.standardWebhooks.length > 0,
          setting: 'STANDARD_WEBHOOKS_SECRET',
          headers: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
          signature: 'v1,base64(HMAC-SHA256(base64-decoded whsec_ secret, "id.timestamp.body")); timestamps older than 5 minutes are refused; ' +
            'Svix\'s svix-id, svix-timestamp and svix-signature are read the same way'
        },
        url_token: {
          configured: secrets.urlTokens.length > 0,
          setting: 'WEBHOOK_URL_TOKEN',
          url: '/api/v2/webhooks/orders/{token}',
          use: 'for senders that cannot sign (checkout bots posting Discord webhooks): paste the URL with the token as the webhook URL'
        }
      },
      rotation: 'Every setting takes a comma-separated list; any listed secret verifies, so add the new one, move senders, then remove the old.'
    }
  })
}
