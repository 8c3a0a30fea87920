import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
} from 'node:crypto';

/**
 * AES-256-GCM encryption for secrets at rest (TOTP secrets, signing keys) and an HMAC key for
 * code digests. Each use gets its own subkey, derived from the configured 32-byte key with
 * HKDF-SHA256, so one key in the configuration never encrypts two kinds of data.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(base64Key: string, purpose: string) {
    const master = Buffer.from(base64Key, 'base64');
    if (master.length !== 32) {
      throw new Error(`The encryption key must be 32 bytes in base64, but it decodes to ${master.length} bytes.`);
    }
    this.key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `clockin-identity:${purpose}`, 32));
  }

  /** Encrypts text as `v1.<iv>.<ciphertext>.<tag>` in base64url. */
  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, body, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== 'v1' || !iv || !body || !tag) throw new Error('Encrypted value has an unknown format.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Returns an HMAC-SHA256 digest, for values too guessable to store as a plain hash. */
  digest(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
  }
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Returns an opaque random token of 32 bytes in base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Returns a uniformly random six-digit code, with leading zeros kept. */
export function randomCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}
