'use strict';

const winston = require('winston');
const { fetch } = require('undici');
const os = require('node:os');

const logger = winston.createLogger({
  level: process.env.LOG_LEVEL || 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  defaultMeta: { service: 'kiosk-sync', host: os.hostname() },
  transports: [
    new winston.transports.Console(),
    new winston.transports.File({ filename: '/var/log/kiosk-sync/sync.log', maxsize: 10 * 1024 * 1024, maxFiles: 5 }),
  ],
});

const API = process.env.MENU_API_URL || 'https://api.snackbar-kiosk.com';
const DEVICE_ID = process.env.KIOSK_DEVICE_ID;
const DEVICE_SECRET = process.env.KIOSK_DEVICE_SECRET;

let session = null; // { token, expiresAt }

async function authenticate() {
  const res = await fetch(`${API}/devices/${DEVICE_ID}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret: DEVICE_SECRET }),
  });
  if (!res.ok) {
    logger.error('device authentication failed', { status: res.status, deviceId: DEVICE_ID });
    throw new Error(`device auth failed: ${res.status}`);
  }
  const body = await res.json();
  session = { token: body.token, expiresAt: Date.now() + body.expires_in * 1000 };
  logger.info('device authenticated', { deviceId: DEVICE_ID, expiresIn: body.expires_in });
  return session.token;
}

async function token() {
  if (session && session.expiresAt - 60_000 > Date.now()) return session.token; // ok: token.expiry
  return authenticate();
}

async function pullMenu(storeId) {
  const t = await token();
  const url = `${API}/stores/${storeId}/menu?since=${encodeURIComponent(lastSync || '')}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${t}` } });
  if (res.status === 401) {
    session = null;
    return pullMenu(storeId);
  }
  return res.json();
}

let lastSync = null;

async function pushSales(storeId, sales) {
  const t = await token();
  const res = await fetch(`${API}/stores/${storeId}/sales`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sales }),
  });
  if (!res.ok) {
    logger.warn('sales upload rejected', { storeId, status: res.status, count: sales.length, auth: t }); // expect: token.storage
  }
}

async function runOnce(storeId, pendingSales) {
  const menu = await pullMenu(storeId);
  lastSync = new Date().toISOString();
  if (pendingSales.length) await pushSales(storeId, pendingSales);
  logger.info('sync complete', { storeId, items: menu.items.length, uploaded: pendingSales.length });
  return menu;
}

module.exports = { runOnce };
