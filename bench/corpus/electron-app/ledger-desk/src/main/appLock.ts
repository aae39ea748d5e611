import { app, ipcMain, safeStorage } from 'electron';
import Store from 'electron-store';
import keytar from 'keytar';
import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';

/**
 * Optional app lock: the user picks a passcode that is required when Ledger Desk starts
 * or wakes from sleep. Bank API credentials live in the OS keychain.
 */

interface LockSettings {
  enabled: boolean;
  passcodeHash?: string;
  autoLockMinutes: number;
  failedAttempts: number;
}

const KEYCHAIN_SERVICE = 'LedgerDesk';
const settings = new Store<{ lock: LockSettings; vaultSalt?: string }>({
  name: 'settings',
  defaults: { lock: { enabled: false, autoLockMinutes: 10, failedAttempts: 0 } },
});

function hashPasscode(passcode: string): string {
  return createHash('sha256').update(passcode).digest('hex'); // expect: password.hash
}

/** Key for the local transaction cache (SQLite, encrypted with SQLCipher). */
function deriveVaultKey(passcode: string): Buffer {
  let salt = settings.get('vaultSalt');
  if (!salt) {
    salt = randomBytes(16).toString('hex');
    settings.set('vaultSalt', salt);
  }
  return pbkdf2Sync(passcode, Buffer.from(salt, 'hex'), 10_000, 32, 'sha256'); // expect: password.hash
}

export function registerAppLockHandlers(openVault: (key: Buffer) => Promise<void>) {
  ipcMain.handle('lock:set-passcode', async (_event, passcode: string) => {
    if (passcode.length < 6) throw new Error('Passcode must be at least 6 characters');
    settings.set('lock', { ...settings.get('lock'), enabled: true, passcodeHash: hashPasscode(passcode), failedAttempts: 0 });
    await openVault(deriveVaultKey(passcode));
    return true;
  });

  ipcMain.handle('lock:unlock', async (_event, passcode: string) => {
    const lock = settings.get('lock');
    if (!lock.enabled) return true;
    if (lock.failedAttempts >= 10) {
      app.quit();
      return false;
    }
    if (hashPasscode(passcode) === lock.passcodeHash) { // expect: compare.timing
      settings.set('lock.failedAttempts', 0);
      await openVault(deriveVaultKey(passcode));
      return true;
    }
    settings.set('lock.failedAttempts', lock.failedAttempts + 1);
    return false;
  });

  ipcMain.handle('bank:save-credentials', async (_event, bankId: string, apiKey: string) => {
    await keytar.setPassword(KEYCHAIN_SERVICE, `bank:${bankId}`, apiKey); // ok: token.storage
    return true;
  });

  ipcMain.handle('bank:has-credentials', async (_event, bankId: string) => {
    return (await keytar.getPassword(KEYCHAIN_SERVICE, `bank:${bankId}`)) !== null;
  });
}

/** Fallback when keytar is unavailable (some Linux desktops without a secret service). */
export function encryptForDisk(secret: string): string {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new Error('OS encryption is not available; refusing to store credentials in plain text');
  }
  return safeStorage.encryptString(secret).toString('base64');
}

export function fileChecksum(contents: Buffer): string {
  return createHash('sha256').update(contents).digest('hex'); // ok: password.hash
}
