/**
 * @module web/account
 * What a signed-in user manages for themself: their webhooks (/account/webhooks).
 */
export { accountRoutes } from './routes.js';
