/** Integrations' public surface: Content API keys and webhooks (imports build here too). */

export type * from './types.js'
export { API_KEY_NAME_MAX_LENGTH, createApiKeys } from './api-keys.js'
export type { ApiKeys, RateState } from './api-keys.js'
export { createWebhooks } from './webhooks.js'
export type { Webhooks, WebhooksDeps } from './webhooks.js'
export { WEBHOOK_EVENTS, type WebhookEvent } from './webhook-rules.js'
export { deliverWebhooksJob } from './jobs/deliver-webhooks.js'
export { storyItem, type StoryItem, type StoryLinks } from './story-item.js'
