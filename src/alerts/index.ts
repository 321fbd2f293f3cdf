/**
 * @module alerts
 * Rules that turn a trip's history into alerts (pure); delivery comes next to them.
 */
export { alertsFor, LIVE_DAYS, type Alert, type AlertKind } from './rules.js';
export { alertJson, verifyWebhook, webhookHeaders, type RaisedAlert } from './webhook.js';
export {
  alertFeeds,
  FEED_ENTRIES,
  HEADLINE as ALERT_HEADLINES,
  type FeedDocument,
  type FeedNames,
} from './feeds.js';
