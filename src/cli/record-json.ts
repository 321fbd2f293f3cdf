/**
 * @module cli/record-json
 * The record's trips, ledgers and alerts as `--json` prints them: the same shapes the web's API
 * serves, written once in web/api/json (trips, ledgers) and alerts/webhook (alerts).
 */
export { ledgerJson, tripJson } from '../web/api/json.js';

/** An alert as `--json` prints it: the shape a webhook receives (alerts/webhook). */
export { alertJson } from '../alerts/index.js';
