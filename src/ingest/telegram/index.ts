/**
 * @module ingest/telegram
 * Public Telegram channels, read from their web preview page.
 */
export { parseTelegramChannel, channelName, type TelegramPost, type TelegramChannel } from './channel.js';
