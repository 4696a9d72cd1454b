/** Integrations' public surface: Content API keys (webhooks and imports build here too). */

export type * from './types.js'
export { API_KEY_NAME_MAX_LENGTH, createApiKeys } from './api-keys.js'
export type { ApiKeys, RateState } from './api-keys.js'
